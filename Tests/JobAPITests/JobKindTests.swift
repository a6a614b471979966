import Testing
import JobModel
import JobAPI

struct JobKindTests {
    /// Every job type docs/api/JOB-API.md lists, with the label a person sees.
    static let documented: [(type: String, label: String)] = [
        ("baremetalBatchCreate", "create servers"),
        ("baremetalBatchOperate", "power servers"),
        ("baremetalVolumeBootReinstallOs", "reinstall OS (volume boot)"),
        ("baremetalReinstallOs", "reinstall OS"),
        ("baremetalChangeOsVolumeBoot", "change OS (volume boot)"),
        ("baremetalChangeOsLocalDisk", "change OS (local disk)"),
        ("baremetalAttachVolume", "attach volume"),
        ("baremetalDetachVolume", "detach volume"),
        ("baremetalBatchAttachVolume", "attach volumes"),
        ("baremetalSingleCreate", "create server"),
        ("baremetalSingleOperate", "power server"),
        ("baremetalAttachSingleVolume", "attach volume"),
        ("createServer", "create servers"),
        ("createSingleServer", "create server"),
    ]

    @Test(arguments: documented)
    func documentedTypesHaveAHumanLabel(_ entry: (type: String, label: String)) {
        #expect(JobKind.label(for: entry.type) == entry.label)
        #expect(JobKind.isKnown(entry.type))
    }

    @Test(arguments: ["attachNic", "baremetalsinglecreate", "ecs.createVolume"])
    func unknownTypesShowTheRawString(_ type: String) {
        #expect(JobKind.label(for: type) == type)
        #expect(!JobKind.isKnown(type))
    }

    @Test func aMissingTypeIsAJob() {
        #expect(JobKind.label(for: nil) == "job")
        #expect(JobKind.label(for: "") == "job")
        #expect(!JobKind.isKnown(nil))
    }
}
