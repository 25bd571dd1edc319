// What the four forms hold, field by field, as documents.md and kinds.md
// define the four kinds of document. build.js turns this into the form; drafts.js uses the
// key orders to write files in the order of documents.md and the examples.

// ISO 639-1; the alliance's languages come first in every language list.
const ALLIANCE_LANGUAGES = ["en", "de", "pl", "it", "nb", "nn", "no", "sv", "es"];
const ISO_639_1 = `aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu
hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb
lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om
or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw
ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu`.split(/\s+/);

const names = new Intl.DisplayNames(["en"], { type: "language" });
const byName = new Intl.Collator("en").compare;
const languageOption = (code) => [code, `${names.of(code) ?? code} (${code})`];
export const LANGUAGES = {
  "Alliance languages": ALLIANCE_LANGUAGES.map(languageOption),
  "Other languages": ISO_639_1.filter((c) => !ALLIANCE_LANGUAGES.includes(c))
    .map(languageOption)
    .sort((a, b) => byName(a[1], b[1])),
};

export const SDGS = [
  "No poverty", "Zero hunger", "Good health and well-being", "Quality education", "Gender equality",
  "Clean water and sanitation", "Affordable and clean energy", "Decent work and economic growth",
  "Industry, innovation and infrastructure", "Reduced inequalities", "Sustainable cities and communities",
  "Responsible consumption and production", "Climate action", "Life below water", "Life on land",
  "Peace, justice and strong institutions", "Partnerships for the goals",
];

const opts = (...values) => values.map((v) => (Array.isArray(v) ? v : [v, v.charAt(0).toUpperCase() + v.slice(1).replaceAll("-", " ")]));

export const ACTIVITY_TYPES = opts("lecture", "seminar", "tutorial", "lab", "project", "fieldwork", "placement", "self-study", "assessment", "other");
const METHODS = opts("written-exam", "oral-exam", "project", "report", "presentation", "lab-work", "portfolio", "peer-review", "quiz", "other");
const MOBILITY = opts("physical", "virtual", "blended");
const COMPONENT_TYPES = opts("mandatory", ["elective-block", "Elective block"], "thesis", "mobility", "internship");

// Field descriptors: key (null for the items of a list of plain values),
// label, type, and a hint a newcomer can act on.
const code = (hint) => ({ key: "code", label: "Code", type: "text", hint, attrs: { autocomplete: "off", spellcheck: "false" } });
const title = { key: "title", label: "Title", type: "text", hint: "3 to 200 characters, in sentence or title case." };
const language = {
  key: "language", label: "Language of this description", type: "select", options: LANGUAGES, empty: "Not set (English is assumed)",
  hint: "The language the texts below are written in; the outcome and text rules read them in it.",
};
const teaching = {
  key: "teaching_languages", label: "Teaching languages", type: "list", noun: "language", rows: 1,
  item: { key: null, label: "Language", type: "select", options: LANGUAGES, empty: "Choose a language" },
};
const isced = {
  key: "isced_f", label: "ISCED-F field", type: "text", attrs: { inputmode: "numeric", autocomplete: "off" },
  hint: "The ISCED-F 2013 code of the field of study: 2, 3 or 4 digits, e.g. 0713 (electricity and energy).",
};
const eqf = { key: "eqf_level", label: "EQF level", type: "number", attrs: { min: 5, max: 8, step: 1 }, hint: "5 short cycle, 6 bachelor, 7 master, 8 doctorate." };
const summary = (what) => ({ key: "summary", label: "Summary", type: "textarea", rows: 6, hint: what });
const outcomes = (hint) => ({
  key: "learning_outcomes", label: "Learning outcomes", type: "list", noun: "outcome", rows: 3, numbered: true, hint,
  item: { key: null, label: "Outcome", type: "textarea", rows: 2 },
});
const sdgs = {
  key: "sdgs", label: "Sustainable Development Goals", type: "checks", number: true,
  options: SDGS.map((name, i) => [String(i + 1), `${i + 1} ${name}`]),
  hint: "The UN goals this unit contributes to (optional).",
};
const institutionInput = (key, label, hint) => ({ key, label, type: "text", list: "institutions-list", hint, attrs: { autocomplete: "off" } });
const coordinator = (label, hint) => ({
  key: "coordinator", label, type: "object", hint,
  fields: [
    { key: "name", label: "Name", type: "text", attrs: { autocomplete: "name" } },
    { key: "email", label: "Email", type: "email", attrs: { autocomplete: "email", spellcheck: "false" } },
  ],
});
const credits = (hint) => ({ key: "ects", label: "Credits (ECTS)", type: "number", attrs: { min: 0, step: 0.5 }, hint });
const prerequisites = (hint) => ({
  key: "prerequisites", label: "Prerequisites", type: "object", hint,
  fields: [
    {
      key: "courses", label: "Required courses", type: "list", noun: "course", rows: 0,
      item: { key: null, label: "Course code", type: "text", attrs: { autocomplete: "off", spellcheck: "false" } },
    },
    { key: "text", label: "What learners should know", type: "textarea", rows: 2 },
  ],
});
const activities = (hint) => ({
  key: "activities", label: "Learning activities", type: "list", noun: "activity", rows: 1, hint,
  item: {
    type: "row",
    fields: [
      { key: "type", label: "Type", type: "select", options: ACTIVITY_TYPES, empty: "Choose…" },
      { key: "hours", label: "Hours", type: "number", attrs: { min: 0, step: 1 } },
    ],
  },
});
const assessment = (hint) => ({
  key: "assessment", label: "Assessment methods", type: "list", noun: "assessment", rows: 1, hint,
  item: {
    type: "row",
    fields: [
      { key: "method", label: "Method", type: "select", options: METHODS, empty: "Choose…" },
      { key: "weight", label: "Weight (%)", type: "number", attrs: { min: 0, max: 100, step: 1 } },
      { key: "outcomes", label: "Outcomes it assesses", type: "refs" },
    ],
  },
});
const country = (hint) => ({ key: "country", label: "Country (ISO code)", type: "text", attrs: { maxlength: 2, autocomplete: "off", spellcheck: "false" }, hint });
const date = (key, label) => ({ key, label, type: "text", hint: "YYYY-MM-DD, e.g. 2027-03-08.", attrs: { inputmode: "numeric", autocomplete: "off", spellcheck: "false", placeholder: "YYYY-MM-DD" } });

export const COURSE = [
  {
    heading: "About the course",
    fields: [
      code("Your institution's course code: 2–32 letters, digits, -, _, . or /, e.g. CHAL-ENM-140."),
      title,
      institutionInput("institution", "Institution", "The alliance member that teaches it, e.g. CHALMERS."),
      { key: "ects", label: "Credits (ECTS)", type: "number", attrs: { min: 0, step: 0.5 }, hint: "Halves are allowed, e.g. 7.5." },
      eqf,
      isced,
      { key: "delivery", label: "Delivery", type: "select", options: opts("in-person", "blended", "online"), empty: "Choose…" },
      { key: "term", label: "Term", type: "select", options: opts("autumn", "spring", "summer", "any"), empty: "Not set" },
      language,
      teaching,
      {
        key: "coordinator", label: "Coordinator", type: "object",
        fields: [
          { key: "name", label: "Name", type: "text", attrs: { autocomplete: "name" } },
          { key: "email", label: "Email", type: "email", attrs: { autocomplete: "email", spellcheck: "false" } },
        ],
      },
    ],
  },
  {
    heading: "Content and outcomes",
    fields: [
      summary("What the course is about, in some 80 to 400 words."),
      outcomes("One statement per outcome, starting with a verb the student can be seen doing: “Design…”, “Evaluate…”. Assessments refer to them by number."),
      {
        key: "prerequisites", label: "Prerequisites", type: "object", hint: "Both parts are optional.",
        fields: [
          {
            key: "courses", label: "Required courses", type: "list", noun: "course", rows: 0,
            item: { key: null, label: "Course code", type: "text", attrs: { autocomplete: "off", spellcheck: "false" } },
          },
          { key: "text", label: "What students should know", type: "textarea", rows: 2 },
        ],
      },
    ],
  },
  {
    heading: "Workload",
    fields: [
      {
        key: "activities", label: "Learning activities", type: "list", noun: "activity", rows: 1,
        hint: "Every planned hour of student work, self-study and exams included; the hours add up to the workload that the credits stand for.",
        item: {
          type: "row",
          fields: [
            { key: "type", label: "Type", type: "select", options: ACTIVITY_TYPES, empty: "Choose…" },
            { key: "hours", label: "Hours", type: "number", attrs: { min: 0, step: 1 } },
          ],
        },
      },
    ],
  },
  {
    heading: "Assessment",
    fields: [
      {
        key: "assessment", label: "Assessment methods", type: "list", noun: "assessment", rows: 1,
        hint: "The weights add up to 100 %; tick the outcomes each method assesses.",
        item: {
          type: "row",
          fields: [
            { key: "method", label: "Method", type: "select", options: METHODS, empty: "Choose…" },
            { key: "weight", label: "Weight (%)", type: "number", attrs: { min: 0, max: 100, step: 1 } },
            { key: "outcomes", label: "Outcomes it assesses", type: "refs" },
          ],
        },
      },
    ],
  },
  {
    heading: "Reading, mobility and goals",
    fields: [
      {
        key: "reading", label: "Reading", type: "list", noun: "reading", rows: 0, hint: "Recommended or required reading (optional).",
        item: { key: null, label: "Title", type: "text" },
      },
      { key: "mobility", label: "Open to mobility", type: "checks", options: MOBILITY, hint: "Forms of mobility the course is open to (optional)." },
      sdgs,
    ],
  },
];

export const PROGRAMME = [
  {
    heading: "About the programme",
    fields: [
      code("The programme's code, e.g. ENH-MSC-SES."),
      title,
      { key: "degree", label: "Degree", type: "select", options: opts("short-cycle", "bachelor", "master", "doctorate"), empty: "Choose…" },
      eqf,
      { key: "ects", label: "Total credits (ECTS)", type: "number", attrs: { min: 0, step: 0.5 }, hint: "The components' credits add up to this." },
      { key: "semesters", label: "Semesters", type: "number", attrs: { min: 1, step: 1 }, hint: "Nominal duration." },
      { key: "study_mode", label: "Study mode", type: "select", options: opts("full-time", "part-time"), empty: "Choose…" },
      { key: "award", label: "Award", type: "select", options: opts("single", "double", "multiple", "joint"), empty: "Choose…", hint: "Double, multiple and joint degrees need a cooperation agreement." },
      language,
      teaching,
      isced,
    ],
  },
  {
    heading: "Partners",
    fields: [
      {
        key: "institutions", label: "Institutions", type: "list", noun: "institution", rows: 1,
        hint: "One coordinator; an institution outside the alliance also gives its country.",
        item: {
          type: "row",
          fields: [
            institutionInput("id", "Institution"),
            { key: "role", label: "Role", type: "select", options: opts("coordinator", "partner"), empty: "Choose…" },
            { key: "country", label: "Country (ISO code)", type: "text", attrs: { maxlength: 2, autocomplete: "off", spellcheck: "false" }, hint: "Only for institutions outside the alliance, e.g. FR." },
          ],
        },
      },
      {
        key: "cooperation_agreement", label: "Cooperation agreement", type: "object",
        hint: "For double, multiple and joint degrees: what the partners' agreement settles, one text per topic of the European Approach.",
        fields: [
          { key: "degree_denomination", label: "Degree and its denomination", type: "textarea", rows: 2 },
          { key: "management_and_finance", label: "Management and finance", type: "textarea", rows: 2 },
          { key: "admission_and_selection", label: "Admission and selection", type: "textarea", rows: 2 },
          { key: "mobility", label: "Mobility", type: "textarea", rows: 2 },
          { key: "examination_and_recognition", label: "Examination and recognition", type: "textarea", rows: 2 },
        ],
      },
    ],
  },
  {
    heading: "Admission, content and outcomes",
    fields: [
      { key: "admission", label: "Admission requirements", type: "textarea", rows: 3 },
      { key: "recognition", label: "Recognition", type: "textarea", rows: 3, hint: "Recognition of prior learning and of study periods abroad." },
      summary("What the programme is about and how it runs."),
      outcomes("What graduates can do, one statement each; components say which outcomes they contribute to by number."),
    ],
  },
  {
    heading: "Study plan",
    fields: [
      {
        key: "components", label: "Components", type: "list", noun: "component", rows: 1,
        hint: "Courses, elective blocks, the thesis, mobility windows and internships; their credits add up to the total.",
        item: {
          type: "row",
          fields: [
            code("Unique within the programme."),
            { key: "title", label: "Title", type: "text" },
            { key: "type", label: "Type", type: "select", options: COMPONENT_TYPES, empty: "Choose…" },
            { key: "ects", label: "ECTS", type: "number", attrs: { min: 0, step: 0.5 } },
            { key: "semester", label: "Semester", type: "number", attrs: { min: 1, step: 1 } },
            institutionInput("institution", "Taught by (optional)"),
            { key: "mobility", label: "Mobility", type: "select", options: MOBILITY, empty: "Not set", hint: "For mobility windows." },
            { key: "contributes_to", label: "Contributes to outcomes", type: "refs" },
            {
              key: "prerequisites", label: "Prerequisites", type: "list", noun: "prerequisite", rows: 0, hint: "Codes of components that must come first.",
              item: { key: null, label: "Prerequisite", type: "text", list: "component-codes", attrs: { autocomplete: "off", spellcheck: "false" } },
            },
            {
              key: "options", label: "Options", type: "list", noun: "option", rows: 0, hint: "For elective blocks: the electives a student picks from.",
              item: {
                type: "row",
                fields: [
                  { key: "code", label: "Code", type: "text", attrs: { autocomplete: "off", spellcheck: "false" } },
                  { key: "title", label: "Title", type: "text" },
                  { key: "ects", label: "ECTS", type: "number", attrs: { min: 0, step: 0.5 } },
                  institutionInput("institution", "Taught by"),
                ],
              },
            },
          ],
        },
      },
    ],
  },
  { heading: "Goals", fields: [sdgs] },
];

export const TIMINGS = opts("before", "during", "after");
export const ANNEX_PARTICIPATION = opts("online", "onsite", "hybrid");

export const BIP = [
  {
    heading: "About the blended intensive programme",
    fields: [
      code("The BIP's code, e.g. ENH-BIP-WEN-2027."),
      title,
      credits("At least 3 ECTS for the physical and virtual parts together; halves are allowed."),
      eqf,
      isced,
      language,
      teaching,
      coordinator("Academic coordinator", "The person who coordinates the BIP; the coordinating institution is the partner with the role coordinator."),
    ],
  },
  {
    heading: "Partners",
    fields: [
      {
        key: "institutions", label: "Institutions", type: "list", noun: "institution", rows: 3,
        hint: "At least three higher education institutions from three Erasmus+ Programme countries, one of them the coordinator. An institution outside the alliance also gives its country and Erasmus code.",
        item: {
          type: "row",
          fields: [
            institutionInput("id", "Institution"),
            { key: "role", label: "Role", type: "select", options: opts("coordinator", "partner"), empty: "Choose…" },
            country("Only for institutions outside the alliance, e.g. FR."),
            { key: "erasmus_code", label: "Erasmus code", type: "text", attrs: { autocomplete: "off", spellcheck: "false" }, hint: "Only for institutions outside the alliance, e.g. F  PARIS001." },
          ],
        },
      },
    ],
  },
  {
    heading: "Content and outcomes",
    fields: [
      summary("What the programme is about and how its parts fit together, in some 80 to 400 words."),
      outcomes("One statement per outcome, starting with a verb the learner can be seen doing; the virtual component and the assessments refer to them by number."),
      prerequisites("What a learner needs before applying; both parts are optional."),
    ],
  },
  {
    heading: "Physical component",
    fields: [
      {
        key: "physical", label: "Stay at the receiving institution", type: "object",
        hint: "One period of 5 to 30 consecutive days on site, travel days excluded. The dates may come later; give both or neither.",
        fields: [
          institutionInput("host", "Receiving institution", "One of the partners, usually the coordinator."),
          { key: "days", label: "Days on site", type: "number", attrs: { min: 1, step: 1 }, hint: "From the first to the last day on site, both included." },
          date("start_date", "First day on site"),
          date("end_date", "Last day on site"),
        ],
      },
    ],
  },
  {
    heading: "Virtual component",
    fields: [
      {
        key: "virtual", label: "Online work together", type: "object",
        hint: "Compulsory: the learners work together online, at the same time, on assignments that count towards the outcomes.",
        fields: [
          { key: "description", label: "What the learners do online", type: "textarea", rows: 3 },
          { key: "timing", label: "When", type: "checks", options: TIMINGS, hint: "Before, during or after the stay." },
          { key: "hours", label: "Hours per learner", type: "number", attrs: { min: 0, step: 1 }, hint: "Counted in the workload with the activities below." },
          { key: "teamwork", label: "The learners work together online", type: "boolean" },
          { key: "outcomes", label: "Outcomes it works towards", type: "refs" },
          { key: "assessments", label: "Assessments that grade it", type: "refs", source: "assessment" },
        ],
      },
    ],
  },
  {
    heading: "Workload",
    fields: [activities("The activities of the stay and the learner's own work; the online hours are given with the virtual component and count too.")],
  },
  {
    heading: "Assessment",
    fields: [assessment("The weights add up to 100 %; tick the outcomes each method assesses.")],
  },
  {
    heading: "Participants and recognition",
    fields: [
      {
        key: "participants", label: "Participants", type: "object",
        hint: "Learners only, not teaching staff. Mobile learners come from a partner other than the host, in a Programme country: at least 10 for Erasmus+ funding.",
        fields: [
          { key: "expected", label: "Learners expected", type: "number", attrs: { min: 0, step: 1 } },
          { key: "mobile", label: "Of these, mobile", type: "number", attrs: { min: 0, step: 1 } },
        ],
      },
      { key: "recognition", label: "Recognition", type: "textarea", rows: 3, hint: "How the sending institutions recognise the credits." },
      institutionInput("transcript_issuer", "Transcript of Records issued by", "One of the partners, usually the host."),
      { key: "learning_agreement", label: "Credits recorded in each student's Learning Agreement", type: "boolean" },
    ],
  },
  {
    heading: "Added value and goals",
    fields: [
      { key: "added_value", label: "Added value", type: "textarea", rows: 3, hint: "What the BIP adds to the partners' existing courses." },
      { key: "challenge", label: "Challenge", type: "textarea", rows: 2, hint: "The societal challenge it works on, and who poses it (optional)." },
      sdgs,
    ],
  },
];

export const MICRO_CREDENTIAL = [
  {
    heading: "About the micro-credential",
    fields: [
      code("The offer's code, e.g. ENH-MC-LCA."),
      { ...title, hint: "Annex I element 2. 3 to 200 characters, in sentence or title case." },
      credits("Annex I element 7: the notional workload in ECTS; halves are allowed."),
      { ...eqf, hint: "Annex I element 8; the cycle follows: 5 short cycle, 6 first, 7 second, 8 third." },
      isced,
      language,
      teaching,
      coordinator("Contact person"),
    ],
  },
  {
    heading: "Awarding bodies",
    fields: [
      {
        key: "awarding_bodies", label: "Awarding bodies", type: "list", noun: "awarding body", rows: 1,
        hint: "Annex I elements 3 and 4: who awards the micro-credential, and where. A body outside the alliance gives its country.",
        item: {
          type: "row",
          fields: [
            institutionInput("id", "Institution"),
            country("Only for bodies outside the alliance, e.g. DK."),
            { key: "region", label: "Region (optional)", type: "text" },
          ],
        },
      },
    ],
  },
  {
    heading: "Content and outcomes",
    fields: [
      summary("What the offer is about, in some 80 to 400 words."),
      outcomes("Annex I element 6. One statement per outcome, starting with a verb the learner can be seen doing."),
      prerequisites("An optional element of Annex I: what a learner needs to enrol."),
    ],
  },
  {
    heading: "Workload",
    fields: [activities("Every planned hour of the learner's work; the hours add up to the workload the credits stand for.")],
  },
  {
    heading: "Assessment and participation",
    fields: [
      assessment("Annex I element 9: the type of assessment. The weights add up to 100 %."),
      { key: "participation", label: "Form of participation", type: "select", options: ANNEX_PARTICIPATION, empty: "Choose…", hint: "Annex I element 10." },
      {
        key: "supervision", label: "Supervision of the assessment", type: "select", empty: "Not stated",
        options: [["unsupervised", "Unsupervised, no identity check"], ["supervised", "Supervised, no identity check"], ["supervised-online-with-id", "Supervised online, identity checked"], ["supervised-onsite-with-id", "Supervised on site, identity checked"]],
        hint: "An optional element of Annex I.",
      },
      { key: "grading", label: "Grade", type: "select", options: [["graded", "Graded"], ["pass-fail", "Pass or fail"]], empty: "Not stated", hint: "An optional element of Annex I." },
    ],
  },
  {
    heading: "Quality assurance",
    fields: [
      {
        key: "quality_assurance", label: "Quality assurance", type: "object",
        hint: "Annex I element 11. Internal and external quality assurance underpin a micro-credential.",
        fields: [
          { key: "type", label: "Type", type: "select", options: [["internal", "Internal"], ["external", "External"], ["internal-and-external", "Internal and external"]], empty: "Choose…" },
          { key: "agency", label: "External body", type: "text", hint: "The agency that reviews the awarding institution." },
          { key: "description", label: "How it is designed, approved and reviewed", type: "textarea", rows: 3 },
        ],
      },
    ],
  },
  {
    heading: "The issued credential",
    fields: [
      {
        key: "certificate", label: "What each credential carries", type: "object",
        hint: "Annex I elements 1 and 5 describe each learner's credential; the offer says how they are given.",
        fields: [
          { key: "format", label: "Form", type: "select", options: [["european-digital-credential", "European Digital Credential"], ["open-badge", "Open Badge"], ["pdf", "PDF"], ["paper", "Paper"]], empty: "Not stated" },
          { key: "learner_identification", label: "How it identifies the learner", type: "checks", options: opts("full-name", "date-of-birth", "student-number", "email", ["national-id", "National ID"]) },
          { key: "issued_within_days", label: "Issued within (days after the last assessment)", type: "number", attrs: { min: 0, step: 1 } },
        ],
      },
    ],
  },
  {
    heading: "Stacking and further information",
    fields: [
      {
        key: "stackability", label: "Integration and stackability", type: "object", hint: "An optional element of Annex I.",
        fields: [
          { key: "type", label: "Type", type: "select", options: [["stand-alone", "Stand-alone"], ["stackable", "Stackable"]], empty: "Choose…" },
          {
            key: "towards", label: "Stacks towards", type: "list", noun: "code", rows: 0, hint: "Codes of the courses, programmes or micro-credentials it counts towards.",
            item: { key: null, label: "Code", type: "text", attrs: { autocomplete: "off", spellcheck: "false" } },
          },
        ],
      },
      { key: "further_information", label: "Further information", type: "text", hint: "Text or a web address (optional).", attrs: { spellcheck: "false" } },
      sdgs,
    ],
  },
];

// Key order of the files we write: documents.md's and the examples'.
// "*" is an entry of a list; unknown keys follow the known ones.
export const ORDER = {
  course: {
    "": ["kind", "code", "title", "institution", "language", "teaching_languages", "ects", "eqf_level", "isced_f", "delivery", "term", "coordinator", "summary", "learning_outcomes", "prerequisites", "activities", "assessment", "reading", "sdgs", "mobility"],
    coordinator: ["name", "email"],
    prerequisites: ["courses", "text"],
    "activities/*": ["type", "hours"],
    "assessment/*": ["method", "weight", "outcomes"],
  },
  programme: {
    "": ["kind", "code", "title", "degree", "eqf_level", "ects", "semesters", "study_mode", "award", "language", "teaching_languages", "isced_f", "institutions", "cooperation_agreement", "admission", "recognition", "summary", "learning_outcomes", "components", "sdgs"],
    "institutions/*": ["id", "role", "country"],
    cooperation_agreement: ["degree_denomination", "management_and_finance", "admission_and_selection", "mobility", "examination_and_recognition"],
    "components/*": ["code", "title", "type", "ects", "semester", "institution", "mobility", "contributes_to", "prerequisites", "options"],
    "components/*/options/*": ["code", "title", "ects", "institution"],
  },
  bip: {
    "": ["kind", "code", "title", "language", "teaching_languages", "isced_f", "eqf_level", "ects", "coordinator", "institutions", "physical", "virtual", "summary", "learning_outcomes", "prerequisites", "activities", "assessment", "participants", "recognition", "transcript_issuer", "learning_agreement", "added_value", "challenge", "sdgs"],
    coordinator: ["name", "email"],
    "institutions/*": ["id", "role", "country", "erasmus_code"],
    physical: ["host", "days", "start_date", "end_date"],
    virtual: ["description", "timing", "hours", "outcomes", "assessments", "teamwork"],
    prerequisites: ["courses", "text"],
    "activities/*": ["type", "hours"],
    "assessment/*": ["method", "weight", "outcomes"],
    participants: ["expected", "mobile"],
  },
  "micro-credential": {
    "": ["kind", "code", "title", "language", "teaching_languages", "isced_f", "eqf_level", "ects", "awarding_bodies", "coordinator", "participation", "summary", "learning_outcomes", "activities", "assessment", "quality_assurance", "certificate", "prerequisites", "supervision", "grading", "stackability", "further_information", "sdgs"],
    "awarding_bodies/*": ["id", "country", "region"],
    coordinator: ["name", "email"],
    "activities/*": ["type", "hours"],
    "assessment/*": ["method", "weight", "outcomes"],
    quality_assurance: ["type", "agency", "description"],
    certificate: ["format", "learner_identification", "issued_within_days"],
    prerequisites: ["courses", "text"],
    stackability: ["type", "towards"],
  },
};

export const EXAMPLES = {
  course: [
    ["course-en-chalmers.json", "Battery Systems for Electrified Vehicles (Chalmers, English)"],
    ["course-en-polimi.json", "Power Electronic Converters for Electric Drives (Politecnico di Milano, English)"],
    ["course-en-upv.json", "Hydrogen Production and Fuel Cell Systems (UPV, English)"],
    ["course-de-rwth.json", "Berechnung elektrischer Energieversorgungsnetze (RWTH, German)"],
    ["course-sv-chalmers.json", "Elektriska maskiner och drivsystem (Chalmers, Swedish)"],
  ],
  programme: [
    ["programme-joint-master.json", "Joint Master in Electrified Transport and Energy Systems"],
    ["programme-bachelor.json", "Bachelor of Science in Civil Engineering for Climate Adaptation"],
  ],
  bip: [
    ["bip-enhance-energy.json", "Water and Energy in Mediterranean Cities (UPV with NTNU, WUT and TU Berlin)"],
  ],
  "micro-credential": [
    ["microcredential-battery.json", "Life-Cycle Assessment for Engineering Decisions (NTNU and Chalmers)"],
  ],
};

