//! Section 5: how the numbers are made.

use super::*;
use crate::i18n::TextReport;

impl Report<'_> {
    pub(super) fn method_section(&self) -> Markup {
        let lang = self.lang;
        let s = self.s;
        let n = format_number(s.trials as f64, 0, lang);
        // The headline figure: cumulative net savings, or the cost when
        // nothing is proposed.
        let headline = if self.projection() {
            MetricKey::CostScenario.as_str()
        } else {
            MetricKey::CumulativeNetSavings.as_str()
        };
        // A comparison's figures are each option's: section 2 has them.
        let se = self
            .metric(headline)
            .get(self.end_index())
            .map(|q| q.se)
            .filter(|_| self.c.is_none());
        let mean_of = match (lang, self.projection()) {
            (Lang::Da, true) => "Gennemsnittet af omkostningen",
            (Lang::Da, false) => "Gennemsnittet af den akkumulerede nettobesparelse",
            (Lang::En, true) => "The mean cost",
            (Lang::En, false) => "The mean cumulative net savings",
        };
        let paragraphs: Vec<(String, String)> = match lang {
            Lang::Da => vec![
                ("Simulering".into(), format!(
                    "Prognosen er en Monte Carlo-simulering: hele forløbet {}–{} er regnet igennem måned for måned {n} gange. I hver simulering trækkes hvert usikkert tal (afsnit 2) én gang fra sin fordeling; det er usikker viden, ikke tilfældig støj fra måned til måned. Samme scenariefil, startværdi for de tilfældige tal (--seed {}) og antal simuleringer giver præcis de samme tal.",
                    s.base_year, s.end_year, s.seed)),
                ("Henvendelser".into(),
                    "Antallet af henvendelser i hvert område følger befolkningen, P(m) = P0 · (1 + g)^(m/12), og fordeles på henvendelsestyper (ansøgninger og anmeldelser, generel information, information om en sag) og på kanaler efter den nuværende kanalfordeling.".into()),
                ("Overgang til digitale kanaler (Bass-modellen)".into(),
                    "For hvert område og hver henvendelsestype er den digitale andel s = c · F(t), hvor c er loftet (den andel, der nogensinde går digitalt), og F følger Bass-modellen dF/dt = (p + q·F)(1 − F) med innovation p og imitation q (t i år). Modellen løses eksakt i lukket form, F(t) = (1 − e^(−(p+q)t)) / (1 + (q/p)·e^(−(p+q)t)), fra måned til måned, så resultatet ikke afhænger af en skridtlængde. Kampagner og love kan hæve p, q og loftet, sætte en lovpligtig minimumsandel (bølgerne af obligatorisk selvbetjening) eller lukke en kanal.".into()),
                ("Kortere åbningstid".into(),
                    "Den ikke-digitale del af henvendelserne fordeles på de øvrige kanaler i forhold til deres nuværende andele. Når en kanals åbne timer falder fra H0 til H1 om ugen, fortrænges andelen ρ = 1 − H1/H0 af kanalens henvendelser. De fortrængte henvendelser kommer igen på et andet tidspunkt i samme kanal, går til den digitale kanal, går fra skranken til telefonen, eller bliver væk (borgeren fandt svaret andetsteds eller opgav). De fire andele er usikre antagelser.".into()),
                ("Omkostninger".into(),
                    "Hver måned: antal henvendelser pr. kanal gange kanalprisen, plus omkostningen ved at holde åbent (timer pr. uge · 52/12 · pris pr. åben time, eller for en bemandet kanal de medarbejdere, Erlang C-formlen kræver for at nå serviceniveauet), plus kampagneomkostninger og udgående post. Priserne kan stige med et årligt indeks.".into()),
                ("Besparelse".into(),
                    format!("Hver simulering regner to forløb med de samme trukne tal: scenariet og status quo (dagens åbningstider og kun eksterne begivenheder som love). Besparelse = omkostning i status quo − omkostning i scenariet. Forslagets egne omkostninger er med i scenariets omkostning, så besparelsen er netto. Nettonutidsværdien tilbagediskonterer år y med (1 + r)^(y − basisår) ved scenariets diskonteringsrente r = {}. Tilbagebetalingsåret er det første år, hvor den akkumulerede nettobesparelse er positiv og forbliver positiv til og med slutåret.", discount_rate_label(&s.discount_rate, lang))),
                ("Mål".into(),
                    "Et mål er nået i en simulering, når målets tal det år (fx selvbetjeningsandelen, beregnet af årets samlede henvendelser) opfylder målet. Sandsynligheden er andelen af simuleringerne, hvor det sker. Ordene ved sandsynlighederne: næsten sikkert ≥ 99 %, meget sandsynligt ≥ 90 %, sandsynligt ≥ 66 %, lige så sandsynligt som ikke 33–66 %, usandsynligt ≤ 33 %, meget usandsynligt ≤ 10 %, næsten udelukket ≤ 1 %.".into()),
                ("Statistik".into(), format!(
                    "Medianen er det midterste udfald: halvdelen af simuleringerne giver mere, halvdelen mindre. 90 %-intervallet går fra 5 %- til 95 %-fraktilen: i 90 % af simuleringerne ligger tallet mellem de to. Fraktiler beregnes med lineær interpolation mellem de sorterede værdier (Hyndman–Fan type 7, som i R, NumPy og Excels FRAKTIL.MEDTAG). Standardafvigelsen bruger n − 1.{}",
                    se.map(|se| format!(" {mean_of} i {} er bestemt med en Monte Carlo-standardfejl på {}.", s.end_year, format_kr(se, lang))).unwrap_or_default()) + &self.percentile_precision_sentence() + &self.settled_sentence()),
            ],
            Lang::En => vec![
                ("Simulation".into(), format!(
                    "The forecast is a Monte Carlo simulation: the whole period {}–{} is computed month by month {n} times. In each simulation every uncertain number (section 2) is drawn once from its distribution; it is uncertain knowledge, not month-to-month noise. The same scenario file, seed ({}) and number of simulations give exactly the same figures.",
                    s.base_year, s.end_year, s.seed)),
                ("Contacts".into(),
                    "The number of contacts in each service area follows the population, P(m) = P0 · (1 + g)^(m/12), and is split by contact type (applications and notifications, general information, information about a case) and by channel according to today's channel mix.".into()),
                ("Adoption of digital channels (the Bass model)".into(),
                    "For each area and contact type the digital share is s = c · F(t), where c is the ceiling (the share that will ever go digital) and F follows the Bass model dF/dt = (p + q·F)(1 − F) with innovation p and imitation q (t in years). The model is solved exactly in closed form, F(t) = (1 − e^(−(p+q)t)) / (1 + (q/p)·e^(−(p+q)t)), month by month, so the result does not depend on a step size. Campaigns and laws can raise p, q and the ceiling, set a mandatory minimum share (the waves of mandatory self-service) or close a channel.".into()),
                ("Shorter opening hours".into(),
                    "The non-digital part of the contacts is spread over the other channels in proportion to their shares today. When a channel's open hours fall from H0 to H1 a week, the share ρ = 1 − H1/H0 of its contacts is displaced. Displaced contacts come back at another time in the same channel, go to the digital channel, move from the counter to the phone, or are avoided (the citizen found the answer elsewhere or gave up). The four fractions are uncertain inputs.".into()),
                ("Costs".into(),
                    "Each month: contacts per channel times the channel's unit price, plus the cost of being open (hours per week · 52/12 · price per open hour, or for a staffed channel the agents the Erlang C formula needs to reach the service level), plus campaign costs and outbound mail. Prices may rise by an annual index.".into()),
                ("Savings".into(),
                    format!("Every simulation computes two paths with the same drawn numbers: the scenario and the status quo (today's opening hours, external events such as laws only). Savings = status quo cost − scenario cost. The proposal's own costs are part of the scenario's cost, so savings are net. The net present value discounts year y by (1 + r)^(y − base year) at the scenario's discount rate r = {}. The payback year is the first year in which cumulative net savings are positive and stay positive through the end year.", discount_rate_label(&s.discount_rate, lang))),
                ("Goals".into(),
                    "A goal is met in a simulation when the goal's figure that year (e.g. the self-service share, computed from the year's total contacts) meets the target. The probability is the share of simulations in which that happens. Words used with probabilities: virtually certain ≥ 99 %, very likely ≥ 90 %, likely ≥ 66 %, about as likely as not 33–66 %, unlikely ≤ 33 %, very unlikely ≤ 10 %, exceptionally unlikely ≤ 1 %.".into()),
                ("Statistics".into(), format!(
                    "The median is the middle outcome: half of the simulations give more, half less. The 90 % interval runs from the 5th to the 95th percentile: in 90 % of the simulations the figure lies between the two. Percentiles interpolate linearly between the sorted values (Hyndman–Fan type 7, as in R, NumPy and Excel's PERCENTILE.INC). The standard deviation uses n − 1.{}",
                    se.map(|se| format!(" {mean_of} in {} is known to a Monte Carlo standard error of {}.", s.end_year, format_kr(se, lang))).unwrap_or_default()) + &self.percentile_precision_sentence() + &self.settled_sentence()),
            ],
        };
        // A projection saves nothing: say what it is instead of how savings
        // are computed.
        let paragraphs: Vec<(String, String)> = if self.projection() {
            paragraphs
                .into_iter()
                .map(|(title, body)| {
                    if title == "Besparelse" || title == "Savings" {
                        (
                            TextReport::StatusQuoProjection.get(self.lang).into(),
                            TextReport::EverySimulationComputesTwoPaths
                                .get(self.lang)
                                .into(),
                        )
                    } else {
                        (title, body)
                    }
                })
                .collect()
        } else {
            paragraphs
        };
        let mut paragraphs = paragraphs;
        if self.c.is_some() {
            // The uncertain numbers are section 3 of a comparison.
            for (_, body) in &mut paragraphs {
                *body = body
                    .replace("(afsnit 2)", "(afsnit 3)")
                    .replace("(section 2)", "(section 3)");
            }
            paragraphs.push(match lang {
                Lang::Da => ("Sammenligning".into(), "Alle forslag er regnet med de samme tilfældige tal: i simulering nr. k har hver antagelse den samme værdi i hvert forslag. Forskellen mellem to forslag er derfor beregnet simulering for simulering, og sandsynligheden for, at ét forslag sparer mere end et andet, er andelen af simuleringerne, hvor det gør.".into()),
                Lang::En => ("Comparison".into(), "Every proposal is computed with the same random numbers: in simulation k every input has the same value under each proposal. The difference between two proposals is therefore computed simulation by simulation, and the probability that one proposal saves more than another is the share of simulations in which it does.".into()),
            });
        }
        if let Some(info) = &s.streamed {
            // A run beyond `--stream-above` (src/stream.rs) says how its
            // percentiles were estimated.
            let up_to = format_number(info.exact_up_to_trials as f64, 0, lang);
            let kept = format_number(info.per_trial_outputs_trials as f64, 0, lang);
            paragraphs.push(match lang {
                Lang::Da => ("Mange simuleringer".into(), format!(
                    "Over {up_to} simuleringer gemmes de enkelte simuleringer ikke: fraktiler og deres konfidensintervaller kommer fra en kvantilskitse (DDSketch), der rammer hver fraktil inden for 0,1 %; middelværdier, standardafvigelser og sandsynligheder er eksakte. Følsomhedsanalyse, attribution og regnearkets simuleringsark bruger de første {kept} simuleringer.")),
                Lang::En => ("Many trials".into(), format!(
                    "Above {up_to} trials the individual trials are not kept: percentiles and their confidence intervals come from a quantile sketch (DDSketch) that places every percentile within 0.1 %; means, standard deviations and probabilities are exact. The sensitivity analysis, attribution and the workbook's per-trial sheet use the first {kept} trials.")),
            });
        }
        html! {
            section class="major method" id="method" { "\n"
                h2 { (self.section(5)) ". " (TextReport::HowTheNumbersAreMade.get(self.lang)) } "\n"
                // Two columns in print: the heading stays outside them, so
                // that it is kept with the text it introduces.
                div class="method-body" { "\n"
                    @for (title, body) in &paragraphs {
                        h3 { (title) } "\n"
                        p { (clean_text(&fix_stops(body))) } "\n"
                    }
                } "\n"
            } "\n"
        }
    }

    /// " The figures have settled: ..." when the convergence chart is left
    /// out because more trials would not move the headline figures.
    pub(super) fn settled_sentence(&self) -> String {
        if self.c.is_some() {
            return String::new();
        }
        let settled =
            chart_data::convergence_to_show(self.s).is_some_and(chart_data::figures_settled);
        if !settled {
            return String::new();
        }
        let share = format_pct(chart_data::SETTLED_SHARE, 0, self.lang);
        match self.lang {
            Lang::Da => format!(" Tallene har stabiliseret sig: hvert af disse konfidensintervaller er smallere end {share} af 90 %-intervallet, så flere simuleringer ville ikke flytte dem synligt (forløbet efter antal simuleringer står i convergence.png)."),
            Lang::En => format!(" The figures have settled: each of these confidence intervals is narrower than {share} of the 90 % interval, so more simulations would not visibly move them (their course by number of simulations is in convergence.png)."),
        }
    }

    /// How precisely the simulation pins down the headline percentiles:
    /// " The 95th percentile ... is 12.3 M kr., 95 % CI 12.1–12.5 ...", with
    /// the sampling method; empty when the output does not vary.
    pub(super) fn percentile_precision_sentence(&self) -> String {
        if self.c.is_some() {
            return String::new();
        }
        let lang = self.lang;
        let end = self.end_index();
        let pick = |key: &str| self.metric(key).get(end).filter(|q| q.p5 != q.p95);
        let (q, what) = match (
            pick(MetricKey::CumulativeNetSavings.as_str()),
            pick(MetricKey::CostScenario.as_str()),
        ) {
            (Some(q), _) => (q, TextReport::CumulativeNetSavingsLower.get(self.lang)),
            (None, Some(q)) => (q, TextReport::TheScenariosCost.get(self.lang)),
            _ => return String::new(),
        };
        // Enough decimals (in millions) that the interval's width shows
        // with two significant digits: "10.43 m kr., 95 % CI 10.40–10.46".
        let decimals = |c: [f64; 2]| {
            crate::stats::ci::interval_decimals((c[1] - c[0]) / 1e6, 2, 1, 6).unwrap_or(2)
        };
        let with_ci = |x: f64, c: [f64; 2]| {
            let d = decimals(c);
            let n = |v: f64| crate::i18n::format_number(v / 1e6, d, lang);
            let unit = crate::i18n::mkr_unit(lang);
            if c.iter().all(|v| v.is_finite()) {
                let ci = TextReport::N95PctCi.get(self.lang);
                format!("{} {unit}, {ci} {}–{}", n(x), n(c[0]), n(c[1]))
            } else {
                format!("{} {unit}", n(x))
            }
        };
        let method = match (self.s.sampling, lang) {
            (crate::sampling::Method::Random, Lang::Da) => "uafhængige tilfældige tal",
            (crate::sampling::Method::Random, Lang::En) => "independent random numbers",
            (crate::sampling::Method::Lhs, Lang::Da) => {
                "latinsk hyperkube (stratificeret) udvælgelse"
            }
            (crate::sampling::Method::Lhs, Lang::En) => "Latin hypercube (stratified) sampling",
            (crate::sampling::Method::Sobol, Lang::Da) => "scramblede Sobol'-punkter",
            (crate::sampling::Method::Sobol, Lang::En) => "scrambled Sobol' points",
        };
        let year = self.s.end_year;
        match lang {
            Lang::Da => format!(
                " Fraktilerne er også kun bestemt med en vis præcision: for {what} i {year} er medianen {}, og 95 %-fraktilen er {} (fordelingsfrie intervaller fra ordensstatistikker: hvor fraktilen ville ligge med uendeligt mange simuleringer). De usikre tal er trukket med {method}.",
                with_ci(q.p50, q.ci95.p50), with_ci(q.p95, q.ci95.p95)
            ),
            Lang::En => format!(
                " The percentiles, too, are known only to some precision: for {what} in {year} the median is {}, and the 95th percentile is {} (distribution-free intervals from order statistics: where the percentile would lie with endlessly many simulations). The uncertain numbers were drawn with {method}.",
                with_ci(q.p50, q.ci95.p50), with_ci(q.p95, q.ci95.p95)
            ),
        }
    }
}
