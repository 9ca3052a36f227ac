//! Embeds every `corpus/*.txt` file, in name order, as `corpus::ARTICLES`.

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=corpus");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("corpus/ is readable")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    names.sort();
    let mut code =
        String::from("/// The corpus, in file-name order.\npub const ARTICLES: &[Article] = &[\n");
    for name in &names {
        let id = name.trim_end_matches(".txt");
        let path = dir.join(name);
        code.push_str(&format!(
            "    Article {{ id: {id:?}, text: include_str!({path:?}) }},\n",
            path = path.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
