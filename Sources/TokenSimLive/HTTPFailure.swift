/// A request the server will not serve: the status to answer with and a message for the person
/// who sent it (the body of the reply). The connection is closed after the reply.
struct HTTPFailure: Error, Equatable {
  /// 400, 408, 413, 431, 501 or 505.
  let status: Int
  /// What was wrong, in a sentence.
  let message: String
}
