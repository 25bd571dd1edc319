// Messages in the alliance's other languages. The wasm holds English; each
// other locale's catalogue is a file beside it (locales/<code>.json, about
// 8 KiB gzipped), loaded when a page needs it, so a site ships only the
// languages it uses. "enhance-qa/node" loads them all at import.
import { addLocale, localeOf } from "./enhance_qa.js";
import catalogues from "./locales/index.js";

/** Every locale there are messages in: code and its own name, English first. */
export const available = catalogues;

const loaded = new Set(["en"]);

/**
 * Loads the messages of `locale` ("de", "de-DE", "DE" alike) after `init()`;
 * resolves to the locale a `new Checker({ locale })` then writes in ("en"
 * for a locale there are no messages in).
 */
export async function loadLocale(locale) {
  const code = localeOf(String(locale));
  if (!code || loaded.has(code)) return code ?? "en";
  const url = new URL(`./locales/${code}.json`, import.meta.url);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`enhance-qa: the messages in "${code}" could not be loaded from ${url} (${response.status})`);
  addLocale(code, await response.text());
  loaded.add(code);
  return code;
}
