import Testing

@testable import TokenSimLive

@Suite struct HTTPRequestParserTests {
  private func parse(_ text: String, limits: HTTPLimits = HTTPLimits()) -> HTTPRequestParser.Result {
    HTTPRequestParser.parse(Array(text.utf8), limits: limits)
  }

  @Test func readsARequestWithABody() throws {
    let text = "POST /p/cli/token HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhelloGET"
    guard case .request(let request, let length) = parse(text) else {
      Issue.record("no request")
      return
    }
    #expect(request.method == "POST")
    #expect(request.path == "/p/cli/token")
    #expect(request.header("host") == "x")
    #expect(request.body == Array("hello".utf8))
    #expect(length == text.utf8.count - 3)
    #expect(request.keepAlive)
  }

  @Test func waitsForTheRestOfAHeadOrBody() {
    #expect(parse("GET / HTTP/1.1\r\nHost: x\r\n") == .incomplete)
    #expect(parse("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc") == .incomplete)
  }

  @Test(arguments: [
    ("GARBAGE\r\n\r\n", 400), ("GET / HTTP/2.0\r\n\r\n", 505), ("GET / FTP/1.0\r\n\r\n", 400),
    ("GET / HTTP/1.1\r\nNo colon here\r\n\r\n", 400), ("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", 400),
    ("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400), ("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", 501),
    ("POST / HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n", 413), ("GET nopath HTTP/1.1\r\n\r\n", 400),
  ])
  func refusesWhatItCannotServe(text: String, status: Int) {
    guard case .failure(let failure) = parse(text) else {
      Issue.record("accepted \(text)")
      return
    }
    #expect(failure.status == status)
    #expect(!failure.message.isEmpty)
  }

  @Test func boundsTheHeadAndTheHeaderCount() {
    var limits = HTTPLimits()
    limits.headerBytes = 100
    limits.headerCount = 2
    guard case .failure(let tooLong) = parse("GET /" + String(repeating: "a", count: 200), limits: limits) else {
      Issue.record("an endless request line was not refused")
      return
    }
    #expect(tooLong.status == 431)
    guard case .failure(let tooMany) = parse("GET / HTTP/1.1\r\na: 1\r\nb: 2\r\nc: 3\r\n\r\n", limits: limits) else {
      Issue.record("three headers were accepted")
      return
    }
    #expect(tooMany.status == 431)
  }

  @Test func http10ClosesUnlessAskedToKeepAlive() {
    guard case .request(let plain, _) = parse("GET / HTTP/1.0\r\n\r\n"),
      case .request(let kept, _) = parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"),
      case .request(let closed, _) = parse("GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
    else {
      Issue.record("not parsed")
      return
    }
    #expect(!plain.keepAlive)
    #expect(kept.keepAlive)
    #expect(!closed.keepAlive)
  }

  @Test func readsFormAndJSONTokenRequests() throws {
    let form = "grant_type=refresh_token&refresh_token=rt-7&allow_redirects=True&client_id=a%2Bb"
    guard case .request(let request, _) = parse("POST /token HTTP/1.1\r\nContent-Length: \(form.utf8.count)\r\n\r\n\(form)")
    else {
      Issue.record("not parsed")
      return
    }
    let parameters = try TokenRequestForm(request)
    #expect(parameters.refreshToken?.serial == 7)
    #expect(parameters.problem == nil)
    #expect(parameters.parameters["client_id"] == "a+b")
    let json = #"{"grant_type":"refresh_token","refresh_token":"rt-9"}"#
    let head = "POST /token HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: \(json.utf8.count)\r\n\r\n"
    guard case .request(let jsonRequest, _) = parse(head + json) else {
      Issue.record("not parsed")
      return
    }
    #expect(try TokenRequestForm(jsonRequest).refreshToken?.serial == 9)
  }

  @Test func routesPathPrefixesToProcesses() {
    #expect(ClientRoute("/token")?.endpoint == .token)
    #expect(ClientRoute("/token")?.process == "client")
    #expect(ClientRoute("/p/sync-daemon/api/v1/items")?.endpoint == .api)
    #expect(ClientRoute("/p/sync-daemon/api/v1/items")?.process == "sync-daemon")
    #expect(ClientRoute("/p//token") == nil)
    #expect(ClientRoute("/tokens") == nil)
  }
}
