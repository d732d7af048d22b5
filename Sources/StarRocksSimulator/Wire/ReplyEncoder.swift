/// Encodes replies as protocol-41 packets: OK, ERR, EOF and text result sets (column definitions, EOF, rows, EOF).
enum ReplyEncoder {
    /// An OK packet with no affected rows.
    static func ok() -> [UInt8] {
        var packet = PacketBuilder()
        packet.byte(0x00)
        packet.lengthEncoded(0)
        packet.lengthEncoded(0)
        packet.uint16(ProtocolConstants.statusAutocommit)
        packet.uint16(0)
        return packet.bytes
    }

    /// An ERR packet.
    static func error(_ error: SimulatedServerError) -> [UInt8] {
        var packet = PacketBuilder()
        packet.byte(0xFF)
        packet.uint16(error.number)
        packet.raw("#")
        let state = Array(error.sqlState.utf8.prefix(5))
        packet.raw(state + [UInt8](repeating: UInt8(ascii: "0"), count: 5 - state.count))
        packet.raw(error.message)
        return packet.bytes
    }

    /// An EOF packet.
    static func eof() -> [UInt8] {
        var packet = PacketBuilder()
        packet.byte(0xFE)
        packet.uint16(0)
        packet.uint16(ProtocolConstants.statusAutocommit)
        return packet.bytes
    }

    /// Every packet of a text result set.
    static func resultSet(_ result: SimulatedResultSet) -> [[UInt8]] {
        var packets: [[UInt8]] = []
        packets.reserveCapacity(result.columns.count + result.rows.count + 3)
        var count = PacketBuilder()
        count.lengthEncoded(UInt64(result.columns.count))
        packets.append(count.bytes)
        for name in result.columns { packets.append(columnDefinition(name)) }
        packets.append(eof())
        for row in result.rows {
            var packet = PacketBuilder()
            for value in row {
                if let value { packet.lengthEncoded(value) } else { packet.byte(0xFB) }
            }
            packets.append(packet.bytes)
        }
        packets.append(eof())
        return packets
    }

    /// A Protocol::ColumnDefinition41 for a VARCHAR column called `name` (a BIGINT one — binary character set,
    /// MYSQL_TYPE_LONGLONG, NUM_FLAG — for the integer columns of `information_schema`, so that clients convert
    /// ORDINAL_POSITION and the like to numbers).
    private static func columnDefinition(_ name: String) -> [UInt8] {
        if InformationSchemaRows.integerColumnTitles.contains(name) {
            return columnDefinition(name, characterSet: 63, length: 20, type: 0x08, flags: 0x8000)
        }
        return columnDefinition(name, characterSet: UInt16(ProtocolConstants.characterSet), length: 65533 * 3,
                                type: ProtocolConstants.typeVarString, flags: 0)
    }

    /// One Protocol::ColumnDefinition41 packet (catalog `def`, no schema or table, the name as both names).
    private static func columnDefinition(_ name: String, characterSet: UInt16, length: UInt32, type: UInt8,
                                         flags: UInt16) -> [UInt8] {
        var packet = PacketBuilder()
        packet.lengthEncoded("def")
        packet.lengthEncoded("")
        packet.lengthEncoded("")
        packet.lengthEncoded("")
        packet.lengthEncoded(name)
        packet.lengthEncoded(name)
        packet.byte(0x0C)
        packet.uint16(characterSet)
        packet.uint32(length)
        packet.byte(type)
        packet.uint16(flags)
        packet.byte(0)
        packet.uint16(0)
        return packet.bytes
    }
}
