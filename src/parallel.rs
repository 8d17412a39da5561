//! Work spread over the machine's cores with the order of the input kept: the result is the
//! same as a sequential map, whatever the number of threads. And background work (a
//! reload's build) on a thread of lower priority, so that answering keeps its core.

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

/// The nice value of background work (a reload's build, freeing a replaced index): the
/// scheduler then gives a thread answering questions about ten times its share of a core.
const BACKGROUND_NICENESS: i32 = 10;

/// `f` run on a thread of its own at background priority, with the threads it starts (they
/// inherit the priority), for work that must not slow down answering while it runs; `f` on
/// this thread when no thread can be started. A panic in `f` is passed on to the caller.
pub(crate) fn in_background<R: Send, F: FnOnce() -> R + Send>(name: &str, f: F) -> R {
    let work = std::sync::Mutex::new(Some(f));
    let run = || work.lock().unwrap_or_else(|e| e.into_inner()).take().map(|f| f());
    let done = std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new().name(name.to_string()).spawn_scoped(scope, || {
            lower_this_threads_priority();
            run()
        });
        match spawned {
            Ok(thread) => thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(error) => {
                tracing::warn!(%error, "no thread for background work: it runs on the caller's");
                run()
            }
        }
    });
    done.expect("the work ran once, on one thread or the other")
}

/// Has the allocator serve every block of 256 KiB or more (an index's word store, postings of
/// common words, tables) from pages of its own, handed back to the system when freed. glibc
/// otherwise raises that threshold to the largest block freed so far (up to 32 MiB), after
/// which an old index's large blocks, freed after a reload, stay resident in the arena of the
/// thread that built it. (`malloc_trim` after each reload would hand them back too, but it
/// holds an arena's lock for 20-30 ms at 10,000 letters, stalling answers.)
pub(crate) fn keep_large_blocks_apart() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; it touches no memory of ours.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 * 1024);
    }
}

/// Lowers the calling thread's scheduling priority (Linux keeps the nice value per thread,
/// and threads it starts inherit it); elsewhere nothing.
pub(crate) fn lower_this_threads_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: `setpriority` takes plain integers and touches no memory of ours; with
    // `PRIO_PROCESS` and 0 it sets the nice value of the calling thread only (Linux).
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, BACKGROUND_NICENESS);
    }
}

/// `f` applied to every item, in contiguous chunks on up to `share.threads()` threads;
/// results in input order. A panic in `f` is passed on to the caller.
pub(crate) fn map_in_order<T: Sync, R: Send>(share: Share, items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    map_in_order_with(share, items, || (), |_, item| f(item))
}

/// [`map_in_order`] with a `state` per thread that `f` may use again from one item to the next
/// (buffers, a compression context).
pub(crate) fn map_in_order_with<T: Sync, R: Send, S>(
    share: Share,
    items: &[T],
    state: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &T) -> R + Sync,
) -> Vec<R> {
    let threads = share.threads();
    if threads == 1 || items.len() < 2 {
        let mut state = state();
        return items.iter().map(|item| f(&mut state, item)).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let (f, state) = (&f, &state);
    std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(chunk)
            .map(|chunk| {
                scope.spawn(move || {
                    let mut state = state();
                    chunk.iter().map(|item| f(&mut state, item)).collect::<Vec<R>>()
                })
            })
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
    fn background_work_returns_its_result_at_lower_priority_and_passes_on_a_panic() {
        let niceness = in_background("test-background", || {
            #[cfg(target_os = "linux")]
            // SAFETY: `getpriority` reads the calling thread's nice value and touches no memory.
            return unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) };
            #[cfg(not(target_os = "linux"))]
            BACKGROUND_NICENESS
        });
        assert!(niceness >= BACKGROUND_NICENESS, "nice {niceness}");
        let panicked = std::panic::catch_unwind(|| in_background("test-panic", || panic!("in the background")));
        assert!(panicked.is_err());
    }

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
