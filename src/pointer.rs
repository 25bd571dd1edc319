//! JSON Pointers (RFC 6901): how the checker names the field a finding is about.

/// Appends one JSON Pointer segment (RFC 6901 escaping).
pub fn push_segment(path: &mut String, segment: &str) {
    path.push('/');
    if segment.contains(['~', '/']) {
        path.push_str(&segment.replace('~', "~0").replace('/', "~1"));
    } else {
        path.push_str(segment);
    }
}

/// A JSON Pointer built from fields and indices, for rules that report.
pub fn pointer(segments: &[Seg<'_>]) -> String {
    let mut path = String::new();
    for s in segments {
        match s {
            Seg::F(name) => push_segment(&mut path, name),
            Seg::I(i) => {
                path.push('/');
                path.push_str(&i.to_string());
            }
        }
    }
    path
}

/// One step of a [`pointer`]: a field or an index.
#[derive(Debug, Clone, Copy)]
pub enum Seg<'a> {
    F(&'a str),
    I(usize),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_escaped() {
        let mut p = String::new();
        push_segment(&mut p, "a/b~c");
        assert_eq!(p, "/a~1b~0c");
        assert_eq!(pointer(&[Seg::F("x/y"), Seg::I(3)]), "/x~1y/3");
    }
}
