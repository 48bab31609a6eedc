//! Typed errors of the .wast runner. Only a script that cannot be read at all is an error;
//! everything that goes wrong inside a script is a failed or skipped assertion in its
//! [`FileReport`](super::FileReport).

use thiserror::Error;

/// Why a .wast script could not be run at all.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum WastError {
    /// The script is not valid .wast text (lexing or parsing failed).
    #[error("{file}:{line}:{column}: cannot parse the script: {message}")]
    Parse {
        file: String,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        message: String,
    },

    /// The script file could not be read.
    #[error("cannot read {file}: {message}")]
    Read { file: String, message: String },
}

impl WastError {
    /// A parse error of `file`, located in `text`.
    pub(crate) fn parse(file: &str, text: &str, error: &wast::Error) -> WastError {
        let (line, column) = error.span().linecol_in(text);
        WastError::Parse {
            file: file.to_string(),
            line: line + 1,
            column: column + 1,
            message: error.message(),
        }
    }
}
