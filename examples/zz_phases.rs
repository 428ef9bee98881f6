use evidence_lens::chart::build::ViewOptions;
use evidence_lens::chart::Scene;
use evidence_lens::model::Dataset;
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let reps: usize = std::env::args()
        .nth(2)
        .map(|s| s.parse().unwrap())
        .unwrap_or(5);
    let bytes = std::fs::read(path).unwrap();
    for _ in 0..reps {
        let t = Instant::now();
        let p = Dataset::from_json(&bytes);
        let t1 = t.elapsed();
        let d = p.dataset.unwrap();
        let t = Instant::now();
        let s = Scene::build(&d, &ViewOptions::default());
        let t2 = t.elapsed();
        let t = Instant::now();
        let items = s.items();
        let t3 = t.elapsed();
        println!(
            "read {:?} scene {:?} items {:?} ({})",
            t1,
            t2,
            t3,
            items.len()
        );
    }
}
