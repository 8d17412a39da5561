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

/// `f` applied to every item on up to `share.threads()` threads, which take contiguous pieces
/// of the items in turn ([`PIECES_PER_THREAD`] a thread on average); results in input order.
/// A panic in `f` is passed on to the caller.
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
    // Small pieces taken in turn, so that a thread whose pieces went quicker takes more: the
    // threads finish together even when items differ in cost (a long document, a rare word).
    let piece = (items.len() / (threads * PIECES_PER_THREAD)).max(1);
    let pieces: Vec<&[T]> = items.chunks(piece).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (f, state, pieces, next) = (&f, &state, &pieces, &next);
    let mut done: Vec<(usize, Vec<R>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.min(pieces.len()))
            .map(|_| {
                scope.spawn(move || {
                    let mut state = state();
                    let mut done = Vec::new();
                    loop {
                        let at = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(piece) = pieces.get(at) else { return done };
                        done.push((at, piece.iter().map(|item| f(&mut state, item)).collect::<Vec<R>>()));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    done.sort_unstable_by_key(|(at, _)| *at);
    done.into_iter().flat_map(|(_, results)| results).collect()
}

/// How many pieces [`map_in_order_with`] cuts the work into per thread.
const PIECES_PER_THREAD: usize = 16;

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

    #[test]
    fn maps_every_item_once_in_order_whatever_the_pieces_cost() {
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let items: Vec<u64> = (0..997).collect();
        // Items of very different cost, so that the threads take different numbers of pieces.
        let mapped = map_in_order(Share::AllCores, &items, |&x| {
            calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            (0..x * x).fold(x, |a, b| a ^ b.rotate_left(3))
        });
        let expected: Vec<u64> = items.iter().map(|&x| (0..x * x).fold(x, |a, b| a ^ b.rotate_left(3))).collect();
        assert_eq!(mapped, expected);
        assert_eq!(calls.into_inner(), items.len());
    }
}
