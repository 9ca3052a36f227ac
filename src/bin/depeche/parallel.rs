//! An ordered parallel map over a stream: items are worked on by several threads and their
//! results handed on in input order, with a bounded number of items in flight.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::{Mutex, mpsc};

/// How many items each thread may have in flight (queued, worked on or waiting for an earlier
/// one): enough to keep every thread busy while one works on a long article, few enough that
/// memory stays that of a handful of articles.
const IN_FLIGHT_PER_THREAD: usize = 4;

/// Applies `work` to every item on `threads` threads and gives the results to `sink` in the
/// items' order, whatever the thread count; stops at the first error of `sink` and returns it.
/// A panic in `work` is resumed in the caller.
pub fn ordered_map<T, U, E>(
    items: impl Iterator<Item = T>,
    threads: usize,
    work: impl Fn(T) -> U + Sync,
    mut sink: impl FnMut(U) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    U: Send,
{
    if threads <= 1 {
        for item in items {
            sink(work(item))?;
        }
        return Ok(());
    }
    let window = threads * IN_FLIGHT_PER_THREAD;
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, T)>(window);
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = mpsc::channel();
    std::thread::scope(|scope| {
        // Moved in, so that leaving the scope (by a return, an error or a panic) drops it and
        // the threads stop once the queued items are worked on.
        let job_tx = job_tx;
        for _ in 0..threads {
            let (job_rx, done_tx, work) = (&job_rx, done_tx.clone(), &work);
            scope.spawn(move || {
                loop {
                    // The lock is only held while waiting for the next item.
                    let next = job_rx
                        .lock()
                        .map_err(drop)
                        .and_then(|rx| rx.recv().map_err(drop));
                    let Ok((seq, item)) = next else { break };
                    let result = catch_unwind(AssertUnwindSafe(|| work(item)));
                    if done_tx.send((seq, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let mut items = items.fuse();
        let mut waiting = BTreeMap::new();
        let (mut sent, mut next) = (0usize, 0usize);
        loop {
            while sent - next < window {
                let Some(item) = items.next() else { break };
                job_tx
                    .send((sent, item))
                    .expect("the threads wait for items until the sender is dropped");
                sent += 1;
            }
            if next == sent {
                return Ok(());
            }
            let (seq, result) = done_rx
                .recv()
                .expect("each item sent comes back, worked on or panicked");
            waiting.insert(seq, result);
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                match result {
                    Ok(u) => sink(u)?,
                    Err(panic) => resume_unwind(panic),
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Squares, made slower for small numbers so that results finish out of order.
    fn slow_square(n: u64) -> u64 {
        std::thread::sleep(std::time::Duration::from_micros((50 - n % 50) * 20));
        n * n
    }

    #[test]
    fn keeps_input_order_whatever_the_thread_count() {
        let expected: Vec<u64> = (0..300).map(|n| n * n).collect();
        for threads in [1, 2, 3, 8] {
            let mut out = Vec::new();
            let r: Result<(), ()> = ordered_map(0..300u64, threads, slow_square, |u| {
                out.push(u);
                Ok(())
            });
            assert_eq!(r, Ok(()));
            assert_eq!(out, expected, "{threads} threads");
        }
    }

    #[test]
    fn stops_at_the_sinks_first_error() {
        let mut seen = 0;
        let r = ordered_map(0..1000u64, 2, slow_square, |u| {
            seen += 1;
            if u == 100 { Err("stop") } else { Ok(()) }
        });
        assert_eq!((r, seen), (Err("stop"), 11));
    }

    #[test]
    #[should_panic(expected = "item 7")]
    fn a_panic_in_a_thread_reaches_the_caller() {
        let _ = ordered_map(
            0..100u64,
            2,
            |n| {
                assert!(n != 7, "item 7");
                n
            },
            |_| Ok::<(), ()>(()),
        );
    }
}
