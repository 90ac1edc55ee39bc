import Foundation

/// Database sources (`PG:…` connection strings for PostGIS): recognised, and checked for secrets.
public enum DatabaseConnection {
    /// True for a GDAL database connection string rather than a file path.
    public static func isDatabase(_ path: String) -> Bool {
        path.hasPrefix("PG:") || path.hasPrefix("postgresql://") || path.hasPrefix("postgres://")
    }

    /// The name of a credential key written into the connection string (`password`), or nil.
    /// Passwords come from PGPASSWORD or a pgpass file, never from pipeline files or logs.
    public static func secretKey(in connection: String) -> String? {
        let lowered = connection.lowercased()
        for key in ["password", "pwd"] where lowered.contains("\(key)=") { return key }
        // postgresql://user:secret@host/db
        if let scheme = lowered.range(of: "://"), let at = lowered[scheme.upperBound...].firstIndex(of: "@"),
            lowered[scheme.upperBound..<at].contains(":")
        {
            return "password"
        }
        return nil
    }
}
