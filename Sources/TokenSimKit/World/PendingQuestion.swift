/// A question a process asked over IPC and awaits the answer to: whom it asked (`peer`, a process
/// id; 0 when its host had no broker to ask) and its number (`correlation`). Each asker numbers
/// its own questions, so numbers repeat across askers; the pair is what tells two apart.
struct PendingQuestion: Hashable {
  var peer: Int
  var correlation: Int
}
