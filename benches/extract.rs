//! Main-text extraction over the benchmark's dev pages (`../shared/eval/html/dev`):
//! decoding, extraction and cleaning, as `parallax extract` runs them. Skips with a message
//! when the pages are absent (they live outside the repository).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use parallax::Input;
use parallax::analysis::load::extract_page;

fn dev_pages() -> Option<Vec<Input>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/html/dev");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    paths.sort();
    let pages: Vec<Input> = paths
        .iter()
        .map(|p| Input {
            path: p.display().to_string(),
            bytes: std::fs::read(p).unwrap(),
        })
        .collect();
    (!pages.is_empty()).then_some(pages)
}

/// Per-page timing (best of 5 runs per page), reported as the median and maximum over the
/// pages: the figure the README quotes.
fn report_per_page(pages: &[Input]) {
    let mut times: Vec<Duration> = pages
        .iter()
        .map(|page| {
            (0..5)
                .map(|_| {
                    let start = Instant::now();
                    black_box(extract_page(black_box(page)).unwrap());
                    start.elapsed()
                })
                .min()
                .unwrap()
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "extract: {} dev pages, median {:.2} ms/page, max {:.2} ms",
        times.len(),
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1])
    );
}

fn bench_extract(c: &mut Criterion) {
    let Some(pages) = dev_pages() else {
        println!("extract: skipped, ../shared/eval/html/dev not found");
        return;
    };
    report_per_page(&pages);
    let mut by_size: Vec<&Input> = pages.iter().collect();
    by_size.sort_by_key(|p| p.bytes.len());
    let median_page = by_size[by_size.len() / 2];
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    group.throughput(Throughput::Bytes(median_page.bytes.len() as u64));
    group.bench_function("median_size_page", |b| {
        b.iter(|| extract_page(black_box(median_page)).unwrap());
    });
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.bench_function("all_dev_pages", |b| {
        b.iter(|| {
            for page in &pages {
                black_box(extract_page(black_box(page)).unwrap());
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
