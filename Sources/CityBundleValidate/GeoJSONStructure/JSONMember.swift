/// One `"name": value` pair of a JSON object.
struct JSONMember {
    var key: String
    var value: JSONNode
}
