//! HTML extraction on arbitrary bytes read as a page: charset detection, DOM clean-up and
//! main-text extraction never panic, and the extracted article keeps the contract.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::analysis::load;
use parallax::model::check_contract;
use parallax::{Input, Options, analyze_inputs};

fuzz_target!(|data: &[u8]| {
    let input = Input {
        path: "page.html".to_owned(),
        bytes: data.to_vec(),
    };
    if let Ok(page) = load::extract_page(&input) {
        let _ = page.to_text(true);
    }
    if let Ok(analysis) = analyze_inputs(vec![input], &Options::default()) {
        if let Err(broken) = check_contract(&analysis) {
            panic!("{broken}");
        }
    }
});
