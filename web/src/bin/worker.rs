//! Entry point of the corpus worker (see `crosscheck_web::worker`), which
//! trunk builds as a Web Worker beside the app.

use crosscheck_web::worker::{CorpusWorker, Postcard};
use gloo_worker::Registrable;

fn main() {
    CorpusWorker::registrar().encoding::<Postcard>().register();
}
