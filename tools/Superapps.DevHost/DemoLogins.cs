using Npgsql;

/// <summary>One demo account per role, read from the seeded database for the start banner.</summary>
internal static class DemoLogins
{
    public sealed record Login(string Role, string UserName, string Name, string Position);

    public static async Task<IReadOnlyList<Login>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT DISTINCT ON (r.name) r.name, u.user_name, u.display_name, coalesce(p.title, '')
            FROM identity.user_roles ur
            JOIN identity.roles r ON r.id = ur.role_id
            JOIN identity.users u ON u.id = ur.user_id
            LEFT JOIN organization.employees e ON e.id = u.employee_id
            LEFT JOIN organization.positions p ON p.id = e.position_id
            LEFT JOIN organization.agencies a ON a.id = p.agency_id
            -- The registry clerk shown is Diskominfo's, whose agenda holds the demo letters.
            ORDER BY r.name, (r.name = 'pencatat-surat' AND a.code IS DISTINCT FROM 'DISKOMINFO'), p.level, u.display_name
            """;
        var logins = new List<Login>();
        await using (var command = new NpgsqlCommand(sql, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                logins.Add(new Login(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        // Everyone else signs in as an employee; show an OPD head, a Kabid and a staff member.
        const string others = """
            SELECT 'kepala-opd', u.user_name, u.display_name, p.title FROM identity.users u
              JOIN organization.employees e ON e.id = u.employee_id JOIN organization.positions p ON p.id = e.position_id
              JOIN organization.agencies a ON a.id = p.agency_id
             WHERE p.is_head_of_agency AND a.code = 'DISKOMINFO'
            UNION ALL
            SELECT 'kabid', u.user_name, u.display_name, p.title FROM identity.users u
              JOIN organization.employees e ON e.id = u.employee_id JOIN organization.positions p ON p.id = e.position_id
             WHERE p.title = 'Kepala Bidang Aplikasi dan Informatika'
            UNION ALL
            (SELECT 'staf', u.user_name, u.display_name, p.title FROM identity.users u
              JOIN organization.employees e ON e.id = u.employee_id JOIN organization.positions p ON p.id = e.position_id
             WHERE p.title = 'Pranata Komputer Ahli Pertama' LIMIT 1)
            UNION ALL
            (SELECT 'staf-kelurahan', u.user_name, u.display_name, p.title FROM identity.users u
              JOIN organization.employees e ON e.id = u.employee_id JOIN organization.positions p ON p.id = e.position_id
              JOIN organization.agencies a ON a.id = p.agency_id
             WHERE p.title = 'Pengadministrasi Umum' AND a.code = 'KEL-BERINGIN' LIMIT 1)
            """;
        await using (var command = new NpgsqlCommand(others, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                logins.Add(new Login(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        return logins;
    }
}
