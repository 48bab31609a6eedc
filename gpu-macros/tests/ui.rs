//! Compile tests of `#[entry]`: signatures it accepts (ui/pass) and the errors it reports
//! (ui/fail, expected output in the `.stderr` files; regenerate with `TRYBUILD=overwrite`).

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass/*.rs");
    cases.compile_fail("tests/ui/fail/*.rs");
}
