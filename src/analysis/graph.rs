//! Graph algorithms over nodes numbered from 0, edges as adjacency lists.

/// Tarjan's strongly connected components, without recursion (a chain of
/// prerequisites may be as long as the plan).
pub struct Tarjan<'e> {
    edges: &'e [Vec<usize>],
    index: Vec<usize>,
    low: Vec<usize>,
    on_stack: Vec<bool>,
    group: Vec<usize>,
    stack: Vec<usize>,
    calls: Vec<(usize, usize)>,
    next: usize,
    groups: usize,
}

const UNSEEN: usize = usize::MAX;

impl Tarjan<'_> {
    /// Each node's group id. Node ids are below `edges.len()` by
    /// construction, so the indexing below holds.
    pub fn groups(edges: &[Vec<usize>]) -> Vec<usize> {
        let n = edges.len();
        let mut t = Tarjan {
            edges,
            index: vec![UNSEEN; n],
            low: vec![0; n],
            on_stack: vec![false; n],
            group: vec![UNSEEN; n],
            stack: Vec::new(),
            calls: Vec::new(),
            next: 0,
            groups: 0,
        };
        for root in 0..n {
            if t.index[root] == UNSEEN {
                t.run(root);
            }
        }
        t.group
    }

    fn visit(&mut self, v: usize) {
        self.index[v] = self.next;
        self.low[v] = self.next;
        self.next += 1;
        self.stack.push(v);
        self.on_stack[v] = true;
        self.calls.push((v, 0));
    }

    fn run(&mut self, root: usize) {
        self.visit(root);
        while let Some(&(v, e)) = self.calls.last() {
            if let Some(&w) = self.edges[v].get(e) {
                if let Some(top) = self.calls.last_mut() {
                    top.1 += 1;
                }
                if self.index[w] == UNSEEN {
                    self.visit(w);
                } else if self.on_stack[w] {
                    self.low[v] = self.low[v].min(self.index[w]);
                }
                continue;
            }
            self.calls.pop();
            if let Some(&(u, _)) = self.calls.last() {
                self.low[u] = self.low[u].min(self.low[v]);
            }
            if self.low[v] == self.index[v] {
                while let Some(w) = self.stack.pop() {
                    self.on_stack[w] = false;
                    self.group[w] = self.groups;
                    if w == v {
                        break;
                    }
                }
                self.groups += 1;
            }
        }
    }
}

/// The shortest cycle from `start` back to itself inside its group, by a
/// breadth-first search that touches only the group's nodes.
pub fn cycle_through(
    start: usize,
    edges: &[Vec<usize>],
    group: &[usize],
    parent: &mut [usize],
) -> Vec<usize> {
    let mut queue = vec![start];
    let mut head = 0;
    while let Some(&v) = queue.get(head) {
        head += 1;
        for &w in edges.get(v).into_iter().flatten() {
            if group.get(w) != group.get(start) {
                continue;
            }
            if w == start {
                let mut path = vec![v];
                let mut at = v;
                while at != start {
                    at = parent.get(at).copied().unwrap_or(start);
                    path.push(at);
                }
                path.reverse();
                return path;
            }
            if let Some(slot) = parent.get_mut(w).filter(|p| **p == usize::MAX) {
                *slot = v;
                queue.push(w);
            }
        }
    }
    vec![start]
}
