//! Fenced code blocks for one page in five, rotating rust / python /
//! javascript / toml, with a per-page identifier so blocks are not identical.

/// The fence languages, in rotation order.
pub const LANGS: [&str; 4] = ["rust", "python", "javascript", "toml"];

/// The code block for the `nth` page that has one (`nth = index / 5`).
pub fn block(nth: usize, name: &str, amount: usize) -> String {
    let lang = LANGS[nth % LANGS.len()];
    let code = match lang {
        "rust" => format!(
            "/// Weighted score of a campaign.\n\
             fn {name}_score(reach: u64, conversions: u64) -> f64 {{\n    \
             if reach == 0 {{\n        return 0.0;\n    }}\n    \
             let rate = conversions as f64 / reach as f64;\n    \
             rate * {amount}.0\n}}\n"
        ),
        "python" => format!(
            "def {name}_churn(users, lost):\n    \
             \"\"\"Share of users lost in a quarter.\"\"\"\n    \
             if not users:\n        return 0.0\n    \
             return round(lost / users * {amount}, 2)\n\n\
             print({name}_churn(12000, 340))\n"
        ),
        "javascript" => format!(
            "// Count mentions of a brand in posts.\n\
             function {name}Mentions(posts, brand) {{\n  \
             const hits = posts.filter((p) => p.text.includes(brand));\n  \
             return {{ brand, count: hits.length, weight: {amount} }};\n}}\n\n\
             console.log({name}Mentions([], \"Xiaomi\"));\n"
        ),
        _ => format!(
            "# Launch plan\n[campaign]\nname = \"{name}\"\nbudget = {amount}000\n\
             channels = [\"weibo\", \"wechat\", \"douyin\"]\n\n[campaign.targets]\n\
             reach = {amount}00000\nconversion = 0.03\n"
        ),
    };
    format!("```{lang}\n{code}```")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotates_languages_and_closes_fence() {
        for (i, lang) in LANGS.iter().enumerate() {
            let b = block(i, "p00005", 7);
            assert!(b.starts_with(&format!("```{lang}\n")), "{b}");
            assert!(b.ends_with("\n```"));
            assert_eq!(b.matches("```").count(), 2);
        }
    }
}
