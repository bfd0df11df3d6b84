//! The command line, as clap sees it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use referat_archive::PersonRole;

/// Parse, index and search the minutes of Danish municipal councils.
///
/// Exit codes: 0 success (for `search`: something was found), 1 some inputs
/// failed (for `search`: nothing was found), 2 usage error or a fatal error.
#[derive(Debug, Parser)]
#[command(name = "referat", version, propagate_version = true)]
pub struct Cli {
    /// The index directory [default: $REFERAT_INDEX, else
    /// $XDG_DATA_HOME/referat/index, else ~/.local/share/referat/index].
    #[arg(long, global = true, env = "REFERAT_INDEX", value_name = "DIR")]
    pub index: Option<PathBuf>,

    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse files into common-schema records, one JSON object per line.
    #[command(
        after_help = "Examples:\n  referat parse corpus/albertslund/udsatteraadet-2019-04-01.docx\n  referat parse --pretty minutes.pdf\n  referat parse --explain --pretty minutes.pdf   # where each meeting field was read\n  referat parse corpus/ | jq -r '.date + \" \" + .body'"
    )]
    Parse(ParseArgs),
    /// Add files and folders to the index (new and changed files only).
    #[command(
        after_help = "Examples:\n  referat ingest corpus/\n  referat ingest --prune ~/archive/aarhus\n  referat ingest --prune --dry-run ~/archive/aarhus\n  referat --index /tmp/idx ingest --report failures.json ~/archive"
    )]
    Ingest(IngestArgs),
    /// Search the index by topic, person and date.
    #[command(
        after_help = "Examples:\n  referat search boliger\n  referat search hjemløse OR husløse -corona --from 2019-01-01\n  referat search '\"skæve boliger\"' --municipality Gladsaxe\n  referat search --person 'René Meyrowitsch'\n  referat search bolig --from 2019-01-01 --to 2024-12-31 --section beslutning --json\n  referat search bolig --facets municipality,year,person"
    )]
    Search(SearchArgs),
    /// Print one document, or one of its items, in full.
    #[command(
        after_help = "Examples:\n  referat show 3f2a9c0d1e4b5a67\n  referat show 3f2a9c0d1e4b5a67 --item 2\n  referat show 3f2a9c0d1e4b5a67 --json | jq .attendees"
    )]
    Show(ShowArgs),
    /// Export the meetings, documents, items or files that match the filters, streaming.
    #[command(
        after_help = "Examples:\n  referat export > meetings.jsonl\n  referat export --by meeting --format csv > meetings.csv\n  referat export hjemløse --section beslutning --by item --format csv > decisions.csv\n  referat export --by document --format csv --municipality Aalborg > aalborg.csv\n  referat export --by file --format json --year 2021 | jq length"
    )]
    Export(ExportArgs),
    /// Count the indexed documents by municipality, body, year, type and format.
    #[command(
        after_help = "Examples:\n  referat stats\n  referat stats --municipality Aarhus --json | jq .missing"
    )]
    Stats(StatsArgs),
    /// Matching meetings per month, quarter or year, with the share of all
    /// meetings; as a table, JSON, CSV or a plot.
    #[command(
        after_help = "Examples:\n  referat timeline hjemløse --by year\n  referat timeline '\"skæve boliger\"' --by quarter --split municipality --csv\n  referat timeline bolig --from 2019-01-01 --plot bolig.svg\n  referat timeline --person 'René Meyrowitsch' --json | jq '.rows[] | select(.matching > 0)'"
    )]
    Timeline(TimelineArgs),
    /// Who attended which meeting: one row per person and meeting (CSV,
    /// JSON), a summary per person on the terminal.
    #[command(
        after_help = "Examples:\n  referat attendance --municipality Albertslund\n  referat attendance --body Udsatterådet --from 2019-01-01 --csv > attendance.csv\n  referat attendance --municipality Albertslund --json | jq '.persons[] | {person, share}'"
    )]
    Attendance(AttendanceArgs),
    /// List the people across documents: one person, many spellings.
    #[command(
        after_help = "Examples:\n  referat persons --municipality Albertslund\n  referat persons --role chair --role minute-taker\n  referat persons --body Udsatterådet --json | jq '.[] | select(.variants | length > 1)'\n  referat persons --name 'Rene Meyrowitsch' --json"
    )]
    Persons(PersonsArgs),
    /// Serve a local web page for searching and reading the minutes.
    #[command(
        after_help = "Examples:\n  referat serve                      # then open http://127.0.0.1:8080/\n  referat --index /tmp/idx serve --addr 127.0.0.1:9000"
    )]
    Serve(ServeArgs),
    /// Measure parsing (and indexing) speed on your own files, per format.
    #[command(
        after_help = "Examples:\n  referat bench ~/archive\n  referat bench --with-index --threads 1 corpus/\n  referat bench --json corpus/ | jq .formats"
    )]
    Bench(BenchArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  referat completions bash > ~/.local/share/bash-completion/completions/referat\n  referat completions zsh > ~/.zfunc/_referat"
    )]
    Completions(CompletionsArgs),
}

/// Per-file limits against hostile input, shared by `parse`, `ingest` and
/// `bench`. A file over a limit fails with its path and the reason; the
/// rest of the batch goes on.
#[derive(Debug, Args, Clone, Copy)]
pub struct LimitArgs {
    /// Give up on a file after this many seconds (0 = no limit).
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0)]
    pub time_limit: f64,
    /// Refuse files larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = 256)]
    pub max_file_size: u64,
    /// Read at most this many pages of a PDF (the rest is skipped with a warning).
    #[arg(long, value_name = "N", default_value_t = referat_parser::pdf::MAX_PAGES)]
    pub max_pages: usize,
    /// OCR scanned PDF pages with Tesseract: auto (pages without a usable
    /// text layer), always (every page with an image) or never.
    #[arg(long, value_name = "WHEN", default_value = "auto")]
    pub ocr: referat_parser::OcrMode,
}

impl LimitArgs {
    /// The parser's limits these flags ask for.
    pub fn limits(&self) -> referat_parser::Limits {
        let time_budget = (self.time_limit.is_finite() && self.time_limit > 0.0)
            .then(|| std::time::Duration::from_secs_f64(self.time_limit.min(1e9)));
        referat_parser::Limits {
            max_file_bytes: self.max_file_size.saturating_mul(1024 * 1024),
            max_pages: self.max_pages,
            time_budget,
            ocr: referat_parser::OcrOptions {
                mode: self.ocr,
                ..referat_parser::OcrOptions::default()
            },
            ..referat_parser::Limits::default()
        }
    }
}

/// `referat parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Files or folders to parse (folders are walked for .pdf, .docx, .html).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Pretty-print each record (for people, not scripts).
    #[arg(long)]
    pub pretty: bool,
    /// Print the format reader's blocks instead of records (for debugging a layout).
    #[arg(long, conflicts_with = "explain")]
    pub blocks: bool,
    /// Add an "explain" object to each record: for each meeting field its
    /// value, the rule that chose it and the block it was read from (page
    /// and line in a PDF, the element in HTML and DOCX).
    #[arg(long)]
    pub explain: bool,
    /// Worker threads [default: all cores].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// `referat ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files or folders to index.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Remove the documents whose files are gone from under the PATHs given
    /// (only PATHs that exist count; documents from elsewhere stay).
    #[arg(long)]
    pub prune: bool,
    /// With --prune: list what would be removed, change nothing.
    #[arg(long, requires = "prune")]
    pub dry_run: bool,
    /// Write the failures as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// List each file's grouping decision (meeting, document, why) on stderr.
    #[arg(long)]
    pub explain_grouping: bool,
    /// Worker threads for parsing [default: all cores].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// The query words of `search`, `export` and `stats`.
#[derive(Debug, Args, Clone, Default)]
pub struct QueryWords {
    /// Words, "phrases", AND / OR / -word (excluded); all words must match
    /// by default.
    #[arg(value_name = "QUERY")]
    pub words: Vec<String>,
    /// Excluded words: a `-word` in the query becomes `--not word` before
    /// clap sees it (see `main::excluded_words`).
    #[arg(long = "not", value_name = "WORD", hide = true)]
    pub not: Vec<String>,
}

/// Filters shared by `search`, `export` and `stats`.
#[derive(Debug, Args, Clone, Default)]
pub struct Filters {
    /// Documents where this person attended, was absent, took the minutes,
    /// wrote the memo or is named (case- and accent-insensitive).
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,
    /// Only where the person had this role (repeatable: any of them).
    #[arg(long = "role", value_name = "ROLE", value_parser = role_parser(), requires = "person")]
    pub roles: Vec<PersonRole>,
    /// From this date (YYYY-MM-DD), inclusive.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// To this date (YYYY-MM-DD), inclusive.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only this year.
    #[arg(long)]
    pub year: Option<i32>,
    /// Only this municipality, as people write it: Aarhus, Århus, "Aarhus
    /// Kommune" (case- and accent-insensitive).
    #[arg(long)]
    pub municipality: Option<String>,
    /// Only this council or committee, or those whose name (or a word of
    /// it) starts so: Udsatterådet, udsatteråd, byråd.
    #[arg(long)]
    pub body: Option<String>,
    /// Only this document type.
    #[arg(long, value_enum)]
    pub doc_type: Option<DocTypeArg>,
    /// Only items with this kind of section (e.g. decisions), the query
    /// searched in that section only.
    #[arg(long, value_enum)]
    pub section: Option<SectionArg>,
}

/// `referat search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    #[command(flatten)]
    pub query: QueryWords,
    #[command(flatten)]
    pub filters: Filters,
    /// Order of results.
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// At most this many results (0: all of them).
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Every result (the same as --limit 0).
    #[arg(long, conflicts_with = "limit")]
    pub all: bool,
    /// Skip this many results.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// One hit per document or item (renditions and the agenda of a meeting
    /// listed separately) instead of one per meeting; counts and --limit
    /// are then in documents.
    #[arg(long)]
    pub per_document: bool,
    /// One JSON object: {"total", "offset", "returned", "hits": [...]}.
    #[arg(long, conflicts_with = "jsonl")]
    pub json: bool,
    /// One JSON object per hit and line, then a last line
    /// {"summary": {"total", "offset", "returned"}}.
    #[arg(long)]
    pub jsonl: bool,
    /// Also count the matching meetings per value of these facets
    /// (comma-separated: municipality, body, year, doc_type, person): the
    /// top 20 of each on a terminal, every value with --json.
    #[arg(long, value_delimiter = ',', value_name = "FACETS")]
    pub facets: Vec<FacetArg>,
}

/// A facet of `search --facets`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FacetArg {
    /// Per municipality.
    Municipality,
    /// Per council or committee.
    Body,
    /// Per year.
    Year,
    /// Per document type.
    #[value(name = "doc_type", alias = "doc-type")]
    DocType,
    /// Per person, resolved across spellings within a municipality.
    Person,
}

impl From<FacetArg> for referat_archive::FacetField {
    fn from(f: FacetArg) -> Self {
        use referat_archive::FacetField;
        match f {
            FacetArg::Municipality => FacetField::Municipality,
            FacetArg::Body => FacetField::Body,
            FacetArg::Year => FacetField::Year,
            FacetArg::DocType => FacetField::DocType,
            FacetArg::Person => FacetField::Person,
        }
    }
}

/// `referat timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub query: QueryWords,
    #[command(flatten)]
    pub filters: Filters,
    /// Length of the periods.
    #[arg(long, value_enum, default_value_t = PeriodArg::Year)]
    pub by: PeriodArg,
    /// One series per municipality or per body.
    #[arg(long, value_enum)]
    pub split: Option<SplitArg>,
    /// As JSON: {"by", "split", "matching", "undated_matching", "rows": [...]}.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// As CSV: period, from, to, split, matching, meetings, share.
    #[arg(long)]
    pub csv: bool,
    /// Also draw the timeline to this file: .svg or .png.
    #[arg(long, value_name = "FILE")]
    pub plot: Option<PathBuf>,
}

/// Period lengths on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    /// Calendar months.
    Month,
    /// Calendar quarters.
    Quarter,
    /// Calendar years.
    Year,
}

impl From<PeriodArg> for referat_archive::Period {
    fn from(p: PeriodArg) -> Self {
        use referat_archive::Period;
        match p {
            PeriodArg::Month => Period::Month,
            PeriodArg::Quarter => Period::Quarter,
            PeriodArg::Year => Period::Year,
        }
    }
}

/// What a timeline is split by, on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SplitArg {
    /// One series per municipality.
    Municipality,
    /// One series per council or committee.
    Body,
}

impl From<SplitArg> for referat_archive::Split {
    fn from(s: SplitArg) -> Self {
        match s {
            SplitArg::Municipality => referat_archive::Split::Municipality,
            SplitArg::Body => referat_archive::Split::Body,
        }
    }
}

/// `referat attendance`.
#[derive(Debug, Args)]
pub struct AttendanceArgs {
    /// Only this municipality, as people write it.
    #[arg(long)]
    pub municipality: Option<String>,
    /// Only this council or committee (or those whose name starts so).
    #[arg(long)]
    pub body: Option<String>,
    /// From this date (YYYY-MM-DD), inclusive.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// To this date (YYYY-MM-DD), inclusive.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Every row as JSON: {"meetings", "rows": [...], "persons": [...]}.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Every row as CSV: one row per person and meeting.
    #[arg(long)]
    pub csv: bool,
}

/// `referat show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The document id or meeting id (as `search` prints them).
    pub id: String,
    /// Only this item.
    #[arg(long)]
    pub item: Option<u32>,
    /// The common-schema record as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `referat export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub query: QueryWords,
    /// What one record (JSON) or row (CSV) is: a meeting with its
    /// documents, a document with its renditions, an agenda item, or an
    /// indexed file (CSV: one row per item of each file).
    #[arg(long, value_enum, default_value_t = ExportBy::Meeting)]
    pub by: ExportBy,
    /// Output format: JSON Lines, one JSON array, or CSV.
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,
    #[command(flatten)]
    pub filters: Filters,
}

/// `referat stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub query: QueryWords,
    #[command(flatten)]
    pub filters: Filters,
    /// As JSON.
    #[arg(long)]
    pub json: bool,
}

/// `referat persons`.
#[derive(Debug, Args)]
pub struct PersonsArgs {
    /// Only this municipality.
    #[arg(long)]
    pub municipality: Option<String>,
    /// Only this council or committee.
    #[arg(long)]
    pub body: Option<String>,
    /// Only persons who had this role in some record (repeatable: any of them).
    #[arg(long = "role", value_name = "ROLE", value_parser = role_parser())]
    pub roles: Vec<PersonRole>,
    /// Only the persons called so under any of their spellings.
    #[arg(long)]
    pub name: Option<String>,
    /// As JSON.
    #[arg(long)]
    pub json: bool,
}

/// `referat serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (localhost by default: the page is for you).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
}

/// `referat bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Files or folders to measure.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Also index the records into a temporary index and time that stage.
    /// (The global `--index DIR` names the index of the other commands.)
    #[arg(long)]
    pub with_index: bool,
    /// Worker threads [default: all cores].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// As JSON.
    #[arg(long)]
    pub json: bool,
    /// How many of the slowest files to list.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub slowest: usize,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// `referat completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Best match first.
    Relevance,
    /// Newest first.
    Date,
}

/// Export granularities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportBy {
    /// One per meeting, with its documents, renditions and items.
    Meeting,
    /// One per document (renditions of one text are one document).
    Document,
    /// One per agenda item (a meeting's items once, the minutes' first).
    Item,
    /// One per indexed file, as records (as before meetings existed).
    File,
}

impl From<ExportBy> for referat_archive::Granularity {
    fn from(by: ExportBy) -> Self {
        match by {
            ExportBy::Meeting => referat_archive::Granularity::Meeting,
            ExportBy::Document => referat_archive::Granularity::Document,
            ExportBy::Item => referat_archive::Granularity::Item,
            ExportBy::File => referat_archive::Granularity::File,
        }
    }
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One record per line.
    Jsonl,
    /// One JSON array of records.
    Json,
    /// Comma-separated, a header row, one row per unit (see --by).
    Csv,
}

/// Document types on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocTypeArg {
    /// Minutes.
    Referat,
    /// Agenda.
    Dagsorden,
    /// Memo.
    Notat,
    /// Anything else.
    Other,
}

/// A person's role in a record, on the command line: the names and their
/// meanings come from the indexer's one list ([`PersonRole::ALL`]).
fn role_parser() -> impl clap::builder::TypedValueParser<Value = PersonRole> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(
        PersonRole::ALL.map(|role| PossibleValue::new(role.as_str()).help(role.describe())),
    )
    .try_map(|name| PersonRole::parse(&name).ok_or("not a role"))
}

/// Section kinds on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SectionArg {
    /// Sagsfremstilling.
    Sagsfremstilling,
    /// Indstilling.
    Indstilling,
    /// Beslutning.
    Beslutning,
    /// Orientering.
    Orientering,
    /// Resume.
    Resume,
    /// Other.
    Other,
}

impl From<DocTypeArg> for referat_schema::DocType {
    fn from(d: DocTypeArg) -> Self {
        use referat_schema::DocType;
        match d {
            DocTypeArg::Referat => DocType::Referat,
            DocTypeArg::Dagsorden => DocType::Dagsorden,
            DocTypeArg::Notat => DocType::Notat,
            DocTypeArg::Other => DocType::Other,
        }
    }
}

impl From<SectionArg> for referat_schema::SectionKind {
    fn from(s: SectionArg) -> Self {
        use referat_schema::SectionKind;
        match s {
            SectionArg::Sagsfremstilling => SectionKind::Sagsfremstilling,
            SectionArg::Indstilling => SectionKind::Indstilling,
            SectionArg::Beslutning => SectionKind::Beslutning,
            SectionArg::Orientering => SectionKind::Orientering,
            SectionArg::Resume => SectionKind::Resume,
            SectionArg::Other => SectionKind::Other,
        }
    }
}
