//! Browser entry point. Everything happens in `fazhi_report::embed`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    fazhi_report::embed::start();
}
