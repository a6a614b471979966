import JobModel
/// A node's position in one snapshot: job index, sub-job index, entity index.
/// Valid only for the snapshot it was made from; `NodeID` is what survives snapshots.
struct NodeRef: Sendable, Hashable {
    var job: Int
    var subJob: Int?
    var entity: Int?

    /// 0 for a job, 1 for a sub-job or a job's entity, 2 for a sub-job's entity.
    var depth: Int {
        (subJob == nil ? 0 : 1) + (entity == nil ? 0 : 1)
    }

    var isJob: Bool { subJob == nil && entity == nil }
    var isSubJob: Bool { subJob != nil && entity == nil }
    var isEntity: Bool { entity != nil }

    /// The row above this one in the tree (the job of a sub-job, the owner of an entity).
    var parent: NodeRef? {
        if entity != nil { return NodeRef(job: job, subJob: subJob, entity: nil) }
        if subJob != nil { return NodeRef(job: job, subJob: nil, entity: nil) }
        return nil
    }
}
