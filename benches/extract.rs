//! Extraction throughput on the corpus (bytes of article text per second, one core).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use depeche::corpus::ARTICLES;
use depeche::engine::extract;

fn corpus(c: &mut Criterion) {
    let bytes: usize = ARTICLES.iter().map(|a| a.text.len()).sum();
    // Warm the lexicons and the gazetteer so that start-up is not measured.
    for a in ARTICLES {
        extract(a.id, a.text);
    }
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("corpus", |b| {
        b.iter(|| {
            for a in ARTICLES {
                std::hint::black_box(extract(a.id, std::hint::black_box(a.text)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, corpus);
criterion_main!(benches);
