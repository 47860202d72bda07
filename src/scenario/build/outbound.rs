//! Outbound mail (`[outbound_mail]`).

use super::*;

/// `[outbound_mail]`: letters a year, digital share (default 0) and prices.
pub(super) fn build_outbound(b: &mut Builder, m: &Merged) -> R<Option<Outbound>> {
    let zero = Param::Fixed(0.0);
    Ok(match &m.outbound_mail {
        Some(o) => {
            let f = o.file;
            let v = o.value.get_ref();
            Some(Outbound {
                letters_per_year: b.param(
                    f,
                    &v.letters_per_year,
                    &InputKey::Outbound(OutboundField::LettersPerYear),
                    "letters per year",
                    Bounds::NonNegative(limits::VOLUME),
                )?,
                digital_share: b
                    .opt_param(
                        f,
                        &v.digital_share,
                        &InputKey::Outbound(OutboundField::DigitalShare),
                        "share",
                        Bounds::Share,
                    )?
                    .unwrap_or(zero),
                price_letter_kr: b.param(
                    f,
                    &v.price_letter_kr,
                    &InputKey::Outbound(OutboundField::PriceLetterKr),
                    "kr. per letter",
                    Bounds::NonNegative(limits::PRICE_KR),
                )?,
                price_digital_post_kr: b.param(
                    f,
                    &v.price_digital_post_kr,
                    &InputKey::Outbound(OutboundField::PriceDigitalPostKr),
                    "kr. per letter",
                    Bounds::NonNegative(limits::PRICE_KR),
                )?,
            })
        }
        None => None,
    })
}
