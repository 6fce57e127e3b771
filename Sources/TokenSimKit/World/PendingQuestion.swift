/// A question a process asked over IPC and awaits the answer to: whom it asked (`peer`, a process
/// id; 0 when its host had no broker to ask) and the world's number for it (`correlation`), which
/// the question carries on the wire and its answer carries back. The world numbers a process's
/// questions itself, across all its incarnations, so a restarted process that numbers its own
/// from 1 again never takes the answer to its earlier incarnation's question for its own; numbers
/// still repeat across askers, and the pair is what tells two apart.
struct PendingQuestion: Hashable {
  var peer: Int
  var correlation: Int
}
