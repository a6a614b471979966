/// Where a family's job body keeps each field (`../shared/api/FAMILIES.md`): the families after
/// the first six differ in names and nesting, not in meaning, so one reader (`FieldsDialect`)
/// and one simulator renderer read and write them all from this description.
///
/// Keys are paths: `error_info.message` is `message` inside `error_info`. Each list is tried
/// in order; the first present, non-empty value wins.
public struct JobFields: Sendable, Hashable {
    /// Where the job object sits in the body.
    public enum Wrapper: Sendable, Hashable {
        /// The body is the job (DCS, SFS Turbo).
        case none
        /// `{"job": {…}}` (RDS, ELB), `{"operation_log": {…}}` (CBR).
        case member(String)
        /// `{"jobs": [{…}]}` (GeminiDB), `{"tasks": [{…}]}` (DMS): the first element; an empty
        /// list is the service saying it has no such job.
        case firstOf(String)
        /// Either shape: `{"job": {…}}` or `{"jobs": [{…}]}` (the shared database path).
        case memberOrFirstOf(String, String)
    }

    /// How the family writes its times (what the simulator sends; the reader takes them all).
    public enum TimeFormat: Sendable, Hashable {
        /// `2018-08-06T10:41:14+0000`: an offset without a colon (the database family).
        case offsetWithoutColon
        /// `"1684191545379"`: epoch milliseconds in a string (DCS).
        case epochMillisString
        /// `2024-03-23T08:20:42Z` (ELB).
        case isoSeconds
        /// `2023-07-26 09:33:58`, UTC (SFS Turbo).
        case spaceSeparatedUTC
        /// `2019-05-23T14:31:36.007+00:00` (CBR).
        case isoMillisOffset
        /// `2020-06-15T08:55:53.606Z` (DMS).
        case isoMillis
    }

    /// The words the family writes for each stage, as its pages spell them (the simulator's).
    public struct Words: Sendable, Hashable {
        public var initial: String
        public var running: String
        public var success: String
        public var fail: String

        public init(initial: String, running: String, success: String, fail: String) {
            self.initial = initial
            self.running = running
            self.success = success
            self.fail = fail
        }
    }

    public var wrapper: Wrapper
    public var id: [String]
    public var type: [String]
    public var status: String = "status"
    /// Words for statuses a family sends as numbers (an order's `6`): shown, and read, as words.
    public var statusNames: [String: String] = [:]
    public var begin: [String]
    /// Read only once the status is terminal: some families send an end time while running.
    public var end: [String]
    /// `"60%"`, `""`, or a number of percent.
    public var progress: [String] = []
    public var failReason: [String]
    public var errorCode: [String] = []
    /// Sub-jobs in the same shape (ELB, SFS Turbo), without the wrapper.
    public var subJobs: String? = nil
    /// `{id, name}` of the instance the job works on: its name titles the job at no extra request.
    public var instance: String? = nil
    /// Other values kept as entities, shown under the job: (path, name shown).
    public var attributes: [Attribute] = []
    public var timeFormat: TimeFormat
    public var words: Words

    public struct Attribute: Sendable, Hashable {
        public var path: String
        public var name: String

        public init(_ path: String, as name: String? = nil) {
            self.path = path
            self.name = name ?? path
        }
    }

    public init(
        wrapper: Wrapper, id: [String], type: [String], begin: [String], end: [String], progress: [String] = [],
        failReason: [String], errorCode: [String] = [], subJobs: String? = nil, instance: String? = nil,
        attributes: [Attribute] = [], timeFormat: TimeFormat, words: Words, status: String = "status", statusNames: [String: String] = [:]
    ) {
        self.status = status
        self.statusNames = statusNames
        self.wrapper = wrapper
        self.id = id
        self.type = type
        self.begin = begin
        self.end = end
        self.progress = progress
        self.failReason = failReason
        self.errorCode = errorCode
        self.subJobs = subJobs
        self.instance = instance
        self.attributes = attributes
        self.timeFormat = timeFormat
        self.words = words
    }
}
