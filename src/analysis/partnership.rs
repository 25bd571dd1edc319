//! What the institutions of a partnership (a joint programme, a BIP) say of
//! their roles.

/// How many institutions have the role `coordinator` (`None` for an entry
/// not read, `Some(None)` for one without a readable role), or `None` when
/// there is none but an entry not read might be it.
pub fn coordinators<'r>(roles: impl Iterator<Item = Option<Option<&'r str>>>) -> Option<usize> {
    let (mut count, mut unknown) = (0, false);
    for role in roles {
        match role.flatten() {
            Some("coordinator") => count += 1,
            Some(_) => {}
            None => unknown = true,
        }
    }
    (count > 0 || !unknown).then_some(count)
}
