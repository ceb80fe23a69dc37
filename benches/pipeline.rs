//! Pipeline benchmarks: the bundled sample end to end and per stage, and the 840 `PolNeAR`
//! articles of `../shared/eval/scale/polnear-840` at 10, 100 and 840 articles (skipped with a
//! message when `../shared` is absent). Targets: sample < 10 ms, 840 articles < 3 s.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use parallax::{Input, Options, analyze, analyze_inputs};

fn sample_inputs() -> Vec<Input> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/azal-8243");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            Some(Input {
                path: p.display().to_string(),
                bytes: std::fs::read(&p).ok()?,
            })
        })
        .collect()
}

fn sample(c: &mut Criterion) {
    let inputs = sample_inputs();
    let opts = Options::default();
    c.bench_function("sample/analyze", |b| {
        b.iter(|| analyze_inputs(black_box(inputs.clone()), &opts));
    });
    let texts: Vec<String> = inputs
        .iter()
        .map(|i| String::from_utf8_lossy(&i.bytes).into_owned())
        .collect();
    c.bench_function("sample/segment", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(parallax::analysis::segment::split_sentences(text, &[]));
            }
        });
    });
}

/// Peak resident memory of this process so far, from /proc (Linux), in MB.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn scale(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/scale/polnear-840");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("scale benchmark skipped: {} not found", dir.display());
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let opts = Options::default();
    let mut group = c.benchmark_group("scale");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    for n in [10, 100, 840] {
        let subset: Vec<PathBuf> = paths.iter().take(n).cloned().collect();
        if let Ok(analysis) = analyze(&subset, &opts) {
            let sentences: usize = analysis.articles.iter().map(|a| a.sentences.len()).sum();
            eprintln!(
                "scale/{n}: {} articles, {sentences} sentences",
                analysis.articles.len()
            );
        }
        group.bench_with_input(BenchmarkId::from_parameter(n), &subset, |b, subset| {
            b.iter(|| analyze(black_box(subset), &opts));
        });
    }
    group.finish();
    if let Some(mb) = peak_rss_mb() {
        eprintln!("scale: peak resident memory of the benchmark process {mb:.0} MB");
    }
}

criterion_group!(benches, sample, scale);
criterion_main!(benches);
