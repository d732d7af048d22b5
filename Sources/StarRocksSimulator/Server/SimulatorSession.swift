/// One client connection: handshake and authentication, then commands until COM_QUIT or a dropped socket.
struct SimulatorSession {
    let simulator: Simulator
    let descriptor: Int32
    let connectionID: UInt32

    func run() {
        let channel = PacketChannel(descriptor: descriptor)
        guard var session = authenticate(channel) else { return }
        while let packet = channel.read(), let command = packet.first {
            let body = Array(packet.dropFirst())
            switch command {
            case ProtocolConstants.commandQuit:
                return
            case ProtocolConstants.commandQuery:
                let sql = String(decoding: body, as: UTF8.self)
                guard let reply = simulator.answer(sql, session: &session) else {
                    _ = simulator.restartIfRequested()
                    return
                }
                guard send(reply, on: channel) else { return }
                if simulator.restartIfRequested() { return }
            case ProtocolConstants.commandPing, ProtocolConstants.commandResetConnection:
                simulator.delay()
                channel.write(ReplyEncoder.ok())
            case ProtocolConstants.commandInitDB:
                simulator.delay()
                let name = String(decoding: body, as: UTF8.self)
                if let database = simulator.index.databaseName(name) {
                    session.database = database
                    channel.write(ReplyEncoder.ok())
                } else {
                    channel.write(ReplyEncoder.error(ServerErrors.unknownDatabase(name)))
                }
            case ProtocolConstants.commandSetOption, ProtocolConstants.commandFieldList:
                channel.write(ReplyEncoder.eof())
            default:
                channel.write(ReplyEncoder.error(SimulatedServerError(
                    number: ServerErrors.unknownCommandNumber, sqlState: "08S01",
                    message: "Unknown command (starrocks-sim supports COM_QUERY, COM_PING, COM_INIT_DB, COM_QUIT)")))
            }
        }
    }

    @discardableResult
    private func send(_ reply: SimulatorReply, on channel: PacketChannel) -> Bool {
        switch reply {
        case .ok: return channel.write(ReplyEncoder.ok())
        case .error(let error): return channel.write(ReplyEncoder.error(error))
        case .resultSet(let result): return channel.write(packets: ReplyEncoder.resultSet(result))
        }
    }

    /// Greets, checks user and `mysql_native_password` scramble, and selects the requested database; `nil` when the
    /// client was refused (an ERR packet was sent) or went away.
    private func authenticate(_ channel: PacketChannel) -> SessionContext? {
        let options = simulator.options
        let handshake = Handshake(serverVersion: SystemVariables.mysqlServerVersion, connectionID: connectionID)
        channel.sequence = 0
        guard channel.write(handshake.greeting()), let payload = channel.read(),
              let response = Handshake.parseResponse(payload), !response.wantsTLS else { return nil }
        var authResponse = response.authResponse
        if let plugin = response.authPlugin, !plugin.isEmpty, plugin != ProtocolConstants.authPlugin {
            guard channel.write(handshake.authSwitchRequest()), let switched = channel.read() else { return nil }
            authResponse = switched
        }
        let password = response.user == options.user ? options.password
            : response.user == options.writerUser && options.writable ? options.writerPassword : nil
        guard let password, handshake.verify(authResponse, password: password) else {
            channel.write(ReplyEncoder.error(ServerErrors.accessDenied(user: response.user,
                                                                       usedPassword: !authResponse.isEmpty)))
            return nil
        }
        var session = SessionContext(database: nil, user: response.user)
        if let requested = response.database {
            guard let database = simulator.index.databaseName(requested) else {
                channel.write(ReplyEncoder.error(ServerErrors.unknownDatabase(requested)))
                return nil
            }
            session.database = database
        }
        guard channel.write(ReplyEncoder.ok()) else { return nil }
        simulator.noteLogin(response.user)
        return session
    }
}
