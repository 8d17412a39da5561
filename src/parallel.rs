//! Work spread over the machine's cores with the order of the input kept: the result is the
//! same as a sequential map, whatever the number of threads.

/// At most this many threads, whatever the machine has.
const MAX_THREADS: usize = 8;

/// How much of the machine a piece of work may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Share {
    /// Every core: nothing else is waiting (start-up).
    AllCores,
    /// All but one core, which stays free for answering questions: a reload, which builds
    /// while the old index answers. On two cores a reload's threads would otherwise preempt
    /// the answering thread for a scheduler slice (about 4 ms) every 8 ms.
    LeaveOneCore,
}

impl Share {
    /// The number of threads this share allows (at least one).
    pub(crate) fn threads(self) -> usize {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let usable = match self {
            Share::AllCores => cores,
            Share::LeaveOneCore => cores.saturating_sub(1),
        };
        usable.clamp(1, MAX_THREADS)
    }
}

/// `f` applied to every item, in contiguous chunks on up to `share.threads()` threads;
/// results in input order. A panic in `f` is passed on to the caller.
pub(crate) fn map_in_order<T: Sync, R: Send>(share: Share, items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = share.threads();
    if threads == 1 || items.len() < 2 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(chunk)
            .map(|chunk| scope.spawn(move || chunk.iter().map(f).collect::<Vec<R>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_input_order() {
        let items: Vec<u32> = (0..1001).collect();
        for share in [Share::AllCores, Share::LeaveOneCore] {
            assert_eq!(map_in_order(share, &items, |x| x * 2), items.iter().map(|x| x * 2).collect::<Vec<_>>());
            assert!(map_in_order(share, &[] as &[u32], |x| *x).is_empty());
        }
        assert!(Share::LeaveOneCore.threads() < Share::AllCores.threads() || Share::AllCores.threads() == 1);
    }
}
