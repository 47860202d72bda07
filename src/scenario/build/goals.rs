//! Goals (`[[goals]]`): targets the report checks each trial against.

use super::*;

pub(super) fn build_goal(
    b: &Builder,
    ctx: &Ctx,
    g: &Located<Spanned<RawGoal>>,
    has_outbound: bool,
) -> R<Goal> {
    let f = g.file;
    let v = g.value.get_ref();
    let name = v.name.get_ref().clone();
    let owner = format!("goal \"{name}\"");
    let metric = goal_metric(b, ctx, f, v, &owner)?;
    check_metric_fields(b, ctx, f, v, metric, &owner)?;
    let op = goal_op(b, f, v, &owner)?;
    let channels = goal_channels(b, g, metric, &owner)?;
    if metric == GoalMetric::PaperLetters && !has_outbound {
        return Err(b.err(
            f,
            v.metric.span(),
            format!("{owner} counts paper letters, but the scenario has no [outbound_mail]"),
        ));
    }
    let cells = goal_cells(b, ctx, g, metric, &owner)?;
    let targets = goal_targets(b, ctx, g, metric, &owner)?;
    let year_end = goal_year_end(b, f, v, metric, &owner)?;
    Ok(Goal {
        name,
        metric,
        op,
        cells,
        channels,
        targets,
        year_end,
    })
}

/// `metric` (with `capability` for "citizens", which the scenario must track).
fn goal_metric(b: &Builder, ctx: &Ctx, f: FileId, v: &RawGoal, owner: &str) -> R<GoalMetric> {
    Ok(match v.metric.get_ref().as_str() {
        "share" => GoalMetric::Share,
        "volume" => GoalMetric::Volume,
        "paper_letters" => GoalMetric::PaperLetters,
        "cost" => GoalMetric::Cost,
        "savings" => GoalMetric::Savings,
        "cumulative_net_savings" => GoalMetric::CumulativeNetSavings,
        "npv" => GoalMetric::Npv,
        "completion_rate" => GoalMetric::CompletionRate,
        "solutions" => GoalMetric::Solutions,
        "citizens" => {
            let Some(c) = &v.capability else {
                return Err(b
                    .err(f, v.metric.span(), format!("{owner}: metric citizens needs capability = \"nemid\", \"digital_post\" or \"self_service\""))
                    .with_help("e.g. metric = \"citizens\", capability = \"digital_post\", op = \">=\", target = 0.5, year = 2011"));
            };
            let cap = Capability::from_key(c.get_ref()).ok_or_else(|| {
                b.err(f, c.span(), format!("{owner}: unknown capability \"{}\"", c.get_ref()))
                    .with_help("capabilities are: nemid, digital_post, self_service")
            })?;
            if !ctx.citizens.iter().any(|x| x.capability == cap) {
                return Err(b
                    .err(f, c.span(), format!("{owner} measures citizens' {}, but the scenario has no [citizens.{}]", cap.key(), cap.key()))
                    .with_help(format!("add [citizens.{}] with today, p, q and ceiling (docs/scenario-format.md, \"Citizens\")", cap.key())));
            }
            GoalMetric::Citizens(cap)
        }
        other => {
            return Err(b.err(f, v.metric.span(), format!("{owner}: unknown metric \"{other}\""))
                .with_help("metrics are: share, volume, paper_letters, cost, savings, cumulative_net_savings, npv, citizens, completion_rate, solutions"))
        }
    })
}

/// `capability` only with metric "citizens"; "solutions" only with `[[solutions]]`.
fn check_metric_fields(
    b: &Builder,
    ctx: &Ctx,
    f: FileId,
    v: &RawGoal,
    metric: GoalMetric,
    owner: &str,
) -> R<()> {
    if let (Some(c), false) = (&v.capability, matches!(metric, GoalMetric::Citizens(_))) {
        return Err(b
            .err(
                f,
                c.span(),
                format!("{owner}: capability only applies to metric = \"citizens\""),
            )
            .with_help("remove capability, or set metric = \"citizens\""));
    }
    if metric == GoalMetric::Solutions && !ctx.has_solutions {
        return Err(b
            .err(f, v.metric.span(), format!("{owner} counts self-service solutions, but the scenario has no [[solutions]]"))
            .with_help("list the solutions with [[solutions]] name, areas, types and launch (docs/scenario-format.md, \"Solutions\")"));
    }
    Ok(())
}

/// `op`: ">=" or "<=".
fn goal_op(b: &Builder, f: FileId, v: &RawGoal, owner: &str) -> R<GoalOp> {
    match v.op.get_ref().as_str() {
        ">=" => Ok(GoalOp::AtLeast),
        "<=" => Ok(GoalOp::AtMost),
        other => Err(b.err(
            f,
            v.op.span(),
            format!("{owner}: op \"{other}\" must be \">=\" or \"<=\""),
        )),
    }
}

/// `channels`: required by the share and volume metrics, refused by the others.
fn goal_channels(
    b: &Builder,
    g: &Located<Spanned<RawGoal>>,
    metric: GoalMetric,
    owner: &str,
) -> R<[bool; N_CHANNELS]> {
    let (f, v) = (g.file, g.value.get_ref());
    let mut channels = [false; N_CHANNELS];
    match (&v.channels, metric) {
        (Some(list), GoalMetric::Share | GoalMetric::Volume) => {
            for c in list.get_ref() {
                channels[b.channel(f, list.span(), c)?.index()] = true;
            }
        }
        (None, GoalMetric::Share | GoalMetric::Volume) => {
            return Err(b
                .err(
                    f,
                    g.value.span(),
                    format!("{owner}: metric {} needs channels = [...]", metric.key()),
                )
                .with_help(
                    "e.g. channels = [\"self_service\"] or [\"personal\", \"email\", \"letter\"]",
                ))
        }
        (Some(list), _) => {
            return Err(b.err(
                f,
                list.span(),
                format!("{owner}: channels only apply to the share and volume metrics"),
            ))
        }
        (None, _) => {}
    }
    Ok(channels)
}

/// `areas` and `types`: the cells a share, volume or completion-rate goal
/// measures (at least one; with a completion rate for "completion_rate").
fn goal_cells(
    b: &Builder,
    ctx: &Ctx,
    g: &Located<Spanned<RawGoal>>,
    metric: GoalMetric,
    owner: &str,
) -> R<Vec<bool>> {
    let (f, v) = (g.file, g.value.get_ref());
    if !metric.has_cells() && (v.areas.is_some() || v.types.is_some()) {
        return Err(b.err(
            f,
            g.value.span(),
            format!("{owner}: areas and types only apply to the share, volume and completion_rate metrics"),
        ));
    }
    let cells = cell_mask(b, ctx, f, &v.areas, &v.types, owner)?;
    if metric == GoalMetric::CompletionRate
        && !cells.iter().zip(ctx.has_completion).any(|(a, b)| *a && *b)
    {
        return Err(b
            .err(f, g.value.span(), format!("{owner} measures the completion rate, but none of its cells has one"))
            .with_help("give the self-service cells a completion rate ([completion] rate = ...) or choose areas and types that have one"));
    }
    if !cells.iter().any(|x| *x) {
        return Err(b.err(
            f,
            g.value.span(),
            format!("{owner} selects no (area, type) cell"),
        ));
    }
    Ok(cells)
}

/// The target per year of the horizon (None where not evaluated): `target`
/// with `year` or `from_year`, or `targets` by year.
fn goal_targets(
    b: &Builder,
    ctx: &Ctx,
    g: &Located<Spanned<RawGoal>>,
    metric: GoalMetric,
    owner: &str,
) -> R<Vec<Option<f64>>> {
    let (f, v) = (g.file, g.value.get_ref());
    let n_years = (ctx.end_year - ctx.base_year + 1) as usize;
    let mut targets = vec![None; n_years];
    let in_horizon = |y: i64, span: Range<usize>| -> R<usize> {
        if y < ctx.base_year as i64 || y > ctx.end_year as i64 {
            Err(b.err(
                f,
                span,
                format!(
                    "{owner}: year {y} is outside the horizon {}-{}",
                    ctx.base_year, ctx.end_year
                ),
            ))
        } else {
            Ok((y - ctx.base_year as i64) as usize)
        }
    };
    let check_target = |t: f64, span: Range<usize>| -> R<f64> {
        if !t.is_finite() || (metric.is_share() && !(0.0..=1.0).contains(&t)) {
            return Err(b
                .err(
                    f,
                    span,
                    format!(
                        "{owner}: target {t} is not valid for metric {}",
                        metric.key()
                    ),
                )
                .with_help("share targets are fractions between 0 and 1 (0.8 for 80 %)"));
        }
        Ok(t)
    };
    match (&v.target, &v.year, &v.from_year, &v.targets) {
        (Some(t), Some(y), None, None) => {
            let i = in_horizon(*y.get_ref(), y.span())?;
            targets[i] = Some(check_target(*t.get_ref(), t.span())?);
        }
        (Some(t), None, Some(y), None) => {
            let i = in_horizon(*y.get_ref(), y.span())?;
            let tv = check_target(*t.get_ref(), t.span())?;
            for slot in targets.iter_mut().skip(i) {
                *slot = Some(tv);
            }
        }
        (None, None, None, Some(ts)) => {
            for (y, t) in ts.get_ref() {
                let year: i64 = y.trim().parse().map_err(|_| {
                    b.err(
                        f,
                        ts.span(),
                        format!("{owner}: targets key \"{y}\" is not a year"),
                    )
                })?;
                let i = in_horizon(year, ts.span())?;
                targets[i] = Some(check_target(*t, ts.span())?);
            }
        }
        _ => {
            return Err(b
                .err(
                    f,
                    g.value.span(),
                    format!(
                    "{owner} needs exactly one of: target + year, target + from_year, or targets"
                ),
                )
                .with_help(
                    "e.g. target = 0.8, year = 2015; or targets = { 2012 = 0.2, 2013 = 0.3 }",
                ))
        }
    }
    Ok(targets)
}

/// `at`: "year" (the default) or "year_end" (December's figure), which only
/// the share, volume, citizens and completion_rate metrics take.
fn goal_year_end(b: &Builder, f: FileId, v: &RawGoal, metric: GoalMetric, owner: &str) -> R<bool> {
    let Some(a) = &v.at else {
        return Ok(false);
    };
    match (a.get_ref().as_str(), metric) {
        ("year", _) => Ok(false),
        ("year_end", GoalMetric::Solutions) => Err(b
            .err(f, a.span(), format!("{owner}: solutions are always counted at the end of the year"))
            .with_help("remove `at`")),
        (
            "year_end",
            GoalMetric::Share
            | GoalMetric::Volume
            | GoalMetric::Citizens(_)
            | GoalMetric::CompletionRate,
        ) => Ok(true),
        ("year_end", _) => Err(b
            .err(f, a.span(), format!("{owner}: at = \"year_end\" applies only to the share, volume, citizens and completion_rate metrics"))
            .with_help("money and letters are yearly totals: remove `at`")),
        (other, _) => Err(b
            .err(f, a.span(), format!("{owner}: at = \"{other}\" is neither \"year\" nor \"year_end\""))
            .with_help("\"year\" = over the whole year (default); \"year_end\" = in December (\"by the end of 2011\")")),
    }
}
