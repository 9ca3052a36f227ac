//! The morphology stage: start-up (parsing the compiled-in lexicon) and analysis throughput
//! on the corpus (bytes of article text per second, one core, lexicon warm).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use depeche::corpus::ARTICLES;
use depeche::engine::{document, morphology, sentences, tokens};

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("morphology");
    group.sample_size(10);
    group.bench_function("parse lexicon", |b| {
        b.iter(|| std::hint::black_box(morphology::check_data()))
    });
    group.finish();
}

fn analyse(c: &mut Criterion) {
    // Tokens once: only the analysis is measured.
    let mut sentences_tokens = Vec::new();
    for a in ARTICLES {
        for block in document::layout(a.text).blocks {
            for range in sentences::split(a.text, block) {
                sentences_tokens.push((a.text, tokens::tokenize(a.text, range)));
            }
        }
    }
    let bytes: usize = ARTICLES.iter().map(|a| a.text.len()).sum();
    morphology::warm_up();
    let mut group = c.benchmark_group("morphology");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("analyse corpus", |b| {
        b.iter(|| {
            for (text, tokens) in &sentences_tokens {
                std::hint::black_box(morphology::analyse(text, tokens));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, startup, analyse);
criterion_main!(benches);
