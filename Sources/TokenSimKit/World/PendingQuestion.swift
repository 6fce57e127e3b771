/// A question a process asked over IPC and awaits the answer to: whom it asked (`peer`, a process
/// id; 0 when its host had no broker to ask) and the world's number for it (`correlation`), which
/// the question carries on the wire and its answer carries back. The world numbers every question
/// of the run itself (`World.questionsAsked`), so a restarted process that numbers its own from 1
/// again never takes the answer to its earlier incarnation's question for its own, and one
/// client's number is never another's; `peer` makes sure only the process asked can answer.
struct PendingQuestion: Hashable {
  var peer: Int
  var correlation: Int
}
