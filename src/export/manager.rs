//! Writes a command's files: every file of [`super::registry`] that the
//! command writes, rendered first and written only when all rendered.

use std::path::{Path, PathBuf};

use super::registry::{OutputFile, Request, Results, Step};
use super::{write_atomic, Exporter};

/// One file to write: which output, where, and how it is rendered.
pub struct Planned {
    pub file: OutputFile,
    /// Inside the output directory, or the chosen workbook's path.
    pub path: PathBuf,
    exporter: Box<dyn Exporter>,
}

impl Planned {
    /// The file's bytes.
    pub fn render(&self, results: &Results<'_>) -> anyhow::Result<Vec<u8>> {
        self.exporter.render(results)
    }
}

/// The files one command writes, in the registry's order.
pub struct ExportManager {
    planned: Vec<Planned>,
}

impl ExportManager {
    /// The files `results`' command writes into `dir` given `request`: the
    /// outputs of [`OutputFile::ALL`] with their instances.
    pub fn new(results: &Results<'_>, request: &Request, dir: &Path) -> Self {
        let planned = OutputFile::ALL
            .into_iter()
            .flat_map(|file| {
                file.instances(results, request)
                    .into_iter()
                    .map(move |i| Planned {
                        file,
                        path: dir.join(&i.path),
                        exporter: file.exporter(request, i.option),
                    })
            })
            .collect();
        ExportManager { planned }
    }

    /// A manager of exactly these files (for tests and tools that render
    /// a different set).
    pub fn with(planned: Vec<(OutputFile, PathBuf, Box<dyn Exporter>)>) -> Self {
        ExportManager {
            planned: planned
                .into_iter()
                .map(|(file, path, exporter)| Planned {
                    file,
                    path,
                    exporter,
                })
                .collect(),
        }
    }

    /// The files planned, in order.
    pub fn planned(&self) -> &[Planned] {
        &self.planned
    }

    /// Each planned file with its bytes or its exporter's error, rendered
    /// in order as the iterator is advanced; `on_step` is told each time
    /// the kind of file changes (data files, report, workbook). The one
    /// loop over the planned files that rendering and tools share.
    pub fn rendered<'m, 'r>(
        &'m self,
        results: &'m Results<'r>,
        on_step: &'m mut dyn FnMut(Step),
    ) -> impl Iterator<Item = (&'m Planned, anyhow::Result<Vec<u8>>)> + 'm {
        let mut step = None;
        self.planned.iter().map(move |p| {
            if step != Some(p.file.step()) {
                step = Some(p.file.step());
                on_step(p.file.step());
            }
            (p, p.render(results))
        })
    }

    /// Renders every file in memory; `on_step` as for
    /// [`ExportManager::rendered`]. The first failure is returned as the
    /// exporter gave it (no later file is rendered).
    pub fn render(
        &self,
        results: &Results<'_>,
        on_step: &mut dyn FnMut(Step),
    ) -> anyhow::Result<Vec<(PathBuf, Vec<u8>)>> {
        self.rendered(results, on_step)
            .map(|(p, bytes)| Ok((p.path.clone(), bytes?)))
            .collect()
    }

    /// Renders every file, then writes each atomically
    /// ([`super::write_atomic`]): a file that cannot be rendered leaves no
    /// file written. Returns the paths written, in order.
    pub fn write(
        &self,
        results: &Results<'_>,
        on_step: &mut dyn FnMut(Step),
    ) -> anyhow::Result<Vec<PathBuf>> {
        let rendered = self.render(results, on_step)?;
        let mut written = Vec::with_capacity(rendered.len());
        for (path, bytes) in rendered {
            write_atomic(&path, &bytes)?;
            written.push(path);
        }
        Ok(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::export::csv::CsvLocale;
    use crate::i18n::Lang;
    use crate::scenario::Scenario;
    use crate::summary::RunSummary;

    /// An exporter that always fails.
    struct Failing;

    impl Exporter for Failing {
        fn render(&self, _: &Results<'_>) -> anyhow::Result<Vec<u8>> {
            anyhow::bail!("no bytes today")
        }
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    /// Calls `check` with the results of `n` trials of a shipped scenario.
    fn with_run(file: &str, n: usize, check: impl FnOnce(&Results<'_>)) {
        let s = Scenario::from_file(&Path::new("scenarios").join(file)).unwrap();
        let engine = Engine::new(&s, 1);
        let trials = engine.run(n);
        let summary = RunSummary::new(&s, &engine.layout, &trials, 1, None);
        check(&Results::Run {
            summary: &summary,
            engine: &engine,
            trials: &trials,
        });
    }

    #[test]
    fn a_run_plans_its_files_and_a_failing_renderer_writes_none() {
        with_run("solrod-2011-proposal-1.toml", 200, plans_and_writes);
    }

    fn plans_and_writes(results: &Results<'_>) {
        let results = *results;
        let dir = tempfile::tempdir().unwrap();
        let mut request = Request::new(Lang::En, CsvLocale::En);
        request.report = true;
        let m = ExportManager::new(&results, &request, dir.path());
        let files: Vec<OutputFile> = m.planned().iter().map(|p| p.file).collect();
        use OutputFile::*;
        // No sensitivity, breakdown or monthly results were computed.
        assert_eq!(files, vec![Summary, Years, Goals, Report]);

        // One file that cannot be rendered, after one that can: nothing.
        let failing = ExportManager::with(vec![
            (
                Summary,
                dir.path().join("summary.json"),
                Summary.exporter(&request, None),
            ),
            (Years, dir.path().join("years.csv"), Box::new(Failing)),
        ]);
        let mut steps = Vec::new();
        let e = failing.write(&results, &mut |s| steps.push(s)).unwrap_err();
        assert_eq!(e.to_string(), "no bytes today");
        assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));

        let written = m.write(&results, &mut |s| steps.push(s)).unwrap();
        assert_eq!(written.len(), 4);
        assert_eq!(
            names(dir.path()),
            vec!["goals.csv", "report.html", "summary.json", "years.csv"]
        );
        assert_eq!(steps, vec![Step::Data, Step::Data, Step::Report]);
    }

    #[test]
    fn an_exporter_given_another_commands_results_fails() {
        with_run("solrod-2011.toml", 50, |results| {
            let request = Request::new(Lang::Da, CsvLocale::En);
            for f in [OutputFile::Comparison, OutputFile::BacktestCsv] {
                assert!(f.instances(results, &request).is_empty(), "{f:?}");
                assert!(f.exporter(&request, None).render(results).is_err(), "{f:?}");
            }
        });
    }
}
