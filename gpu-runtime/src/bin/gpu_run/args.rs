//! Command-line arguments of the export, parsed by its parameter types.

use anyhow::bail;

use gpu_runtime::host::Value;
use gpu_runtime::translate::abi::{EntryLayout, ValType};

/// One value per parameter, or an error naming the export's signature or the bad argument.
pub fn parse(entry: &EntryLayout, args: &[String]) -> anyhow::Result<Vec<Value>> {
    if args.len() != entry.params.len() {
        let types: Vec<String> = entry.params.iter().map(ToString::to_string).collect();
        bail!(
            "`{}` takes {} argument{} ({}), got {}; pass them after `--`",
            entry.export,
            entry.params.len(),
            if entry.params.len() == 1 { "" } else { "s" },
            types.join(", "),
            args.len()
        );
    }
    entry
        .params
        .iter()
        .zip(args)
        .enumerate()
        .map(|(i, (&ty, text))| match parse_value(ty, text) {
            Some(v) => Ok(v),
            None => bail!(
                "argument {} of `{}` is `{text}`, which is not a valid {ty}",
                i + 1,
                entry.export
            ),
        })
        .collect()
}

/// Parses one value: integers in decimal or `0x` hex (signed or unsigned range), floats in
/// decimal or `nan`, `inf`, `-inf`, `nan:0xPAYLOAD`; references as `null` or, for a funcref, a
/// function index and, for an externref, a non-zero handle.
pub fn parse_value(ty: ValType, text: &str) -> Option<Value> {
    let text = text.trim().replace('_', "");
    match ty {
        ValType::I32 => {
            let v = parse_int(&text)?;
            (i128::from(i32::MIN)..=i128::from(u32::MAX))
                .contains(&v)
                .then_some(Value::I32(v as u32 as i32))
        }
        ValType::I64 => {
            let v = parse_int(&text)?;
            (i128::from(i64::MIN)..=i128::from(u64::MAX))
                .contains(&v)
                .then_some(Value::I64(v as u64 as i64))
        }
        ValType::F32 => parse_float(&text, 23, 0xff).map(|b| Value::F32Bits(b as u32)),
        ValType::F64 => parse_float(&text, 52, 0x7ff).map(Value::F64Bits),
        ValType::FuncRef | ValType::ExternRef if text == "null" => Some(Value::from_bits(ty, 0)),
        ValType::FuncRef => {
            let index = u32::try_from(parse_int(&text)?).ok()?;
            Some(Value::FuncRef(index.checked_add(1)?))
        }
        ValType::ExternRef => {
            let handle = u32::try_from(parse_int(&text)?).ok()?;
            (handle != 0).then_some(Value::ExternRef(handle))
        }
    }
}

fn parse_int(text: &str) -> Option<i128> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let magnitude = match digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        Some(hex) => u64::from_str_radix(hex, 16).ok()?,
        None => digits.parse::<u64>().ok()?,
    };
    let v = i128::from(magnitude);
    Some(if negative { -v } else { v })
}

/// The bits of a float with `mantissa` bits and exponent mask `exp_mask`.
fn parse_float(text: &str, mantissa: u32, exp_mask: u64) -> Option<u64> {
    let lower = text.to_ascii_lowercase();
    let (negative, body) = match lower.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, lower.strip_prefix('+').unwrap_or(&lower)),
    };
    let sign = u64::from(negative) << (mantissa + exp_mask.count_ones());
    let special = |payload: u64| sign | (exp_mask << mantissa) | payload;
    let quiet = 1u64 << (mantissa - 1);
    match body {
        "inf" | "infinity" => return Some(special(0)),
        "nan" => return Some(special(quiet)),
        _ => {}
    }
    if let Some(p) = body.strip_prefix("nan:0x") {
        let payload = u64::from_str_radix(p, 16).ok()?;
        return (payload != 0 && payload < (1u64 << mantissa)).then(|| special(payload));
    }
    if body.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        if mantissa == 23 {
            return lower.parse::<f32>().ok().map(|f| u64::from(f.to_bits()));
        }
        return lower.parse::<f64>().ok().map(f64::to_bits);
    }
    None
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn integers() {
        assert_eq!(parse_value(ValType::I32, "-5"), Some(Value::I32(-5)));
        assert_eq!(
            parse_value(ValType::I32, "0xffffffff"),
            Some(Value::I32(-1))
        );
        assert_eq!(parse_value(ValType::I32, "4294967296"), None);
        assert_eq!(parse_value(ValType::I32, "12abc"), None);
        assert_eq!(
            parse_value(ValType::I64, "18446744073709551615"),
            Some(Value::I64(-1))
        );
        assert_eq!(parse_value(ValType::I64, "-0x10"), Some(Value::I64(-16)));
        assert_eq!(parse_value(ValType::I64, "1_000"), Some(Value::I64(1000)));
    }

    #[test]
    fn floats() {
        assert_eq!(parse_value(ValType::F32, "1.5"), Some(Value::f32(1.5)));
        assert_eq!(
            parse_value(ValType::F32, "-inf"),
            Some(Value::f32(f32::NEG_INFINITY))
        );
        assert_eq!(
            parse_value(ValType::F32, "nan"),
            Some(Value::F32Bits(0x7fc0_0000))
        );
        assert_eq!(
            parse_value(ValType::F32, "-nan:0x1"),
            Some(Value::F32Bits(0xff80_0001))
        );
        assert_eq!(parse_value(ValType::F64, "-0"), Some(Value::f64(-0.0)));
        assert_eq!(parse_value(ValType::F64, "1e300"), Some(Value::f64(1e300)));
        assert_eq!(
            parse_value(ValType::F64, "NaN"),
            Some(Value::F64Bits(0x7ff8_0000_0000_0000))
        );
        assert_eq!(parse_value(ValType::F64, "x"), None);
        assert_eq!(parse_value(ValType::F64, "infx"), None);
    }

    #[test]
    fn counts() {
        let entry = EntryLayout {
            export: "add".into(),
            entry_point: "add".into(),
            func_index: 0,
            params: vec![ValType::I32, ValType::I32],
            results: vec![ValType::I32],
        };
        let err = parse(&entry, &["1".into()]).unwrap_err().to_string();
        assert_eq!(
            err,
            "`add` takes 2 arguments (i32, i32), got 1; pass them after `--`"
        );
        let err = parse(&entry, &["1".into(), "y".into()])
            .unwrap_err()
            .to_string();
        assert_eq!(err, "argument 2 of `add` is `y`, which is not a valid i32");
        assert_eq!(
            parse(&entry, &["1".into(), "2".into()]).unwrap(),
            vec![Value::I32(1), Value::I32(2)]
        );
    }
}
