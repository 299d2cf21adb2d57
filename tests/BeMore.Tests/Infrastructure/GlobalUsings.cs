// The hub protocol choice is the client library's; imported alone, since its namespace also names SessionEvent and
// other records the tests know from the server's assemblies.
global using LiveProtocol = BeMore.Client.LiveProtocol;
