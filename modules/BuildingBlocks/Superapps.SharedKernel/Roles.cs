namespace Superapps.SharedKernel;

/// <summary>
/// The portal's roles. Roles grant functions; what a user may see inside a function follows the
/// organisation (OPD, position, Plt/Plh) and, for letters, the security class.
/// </summary>
public static class Roles
{
    /// <summary>Administrator Sistem (Diskominfo): users, clients, the whole organisation chart.</summary>
    public const string Administrator = "admin";

    /// <summary>Admin OPD: keeps one OPD's units, positions and employees current.</summary>
    public const string AgencyAdministrator = "admin-opd";

    /// <summary>Pimpinan: Walikota, Wakil Walikota, Sekda; city-wide dashboards.</summary>
    public const string Leader = "pimpinan";

    /// <summary>Pencatat Surat / TU: registers incoming paper letters for an OPD.</summary>
    public const string RegistryClerk = "pencatat-surat";

    /// <summary>Teknisi helpdesk TIK (Diskominfo).</summary>
    public const string HelpdeskTechnician = "teknisi";

    /// <summary>Koordinator helpdesk TIK (Diskominfo).</summary>
    public const string HelpdeskLead = "koordinator-helpdesk";

    /// <summary>Walidata (Diskominfo): checks and publishes OPD data.</summary>
    public const string DataCustodian = "walidata";

    /// <summary>Operator data of an OPD (produsen data).</summary>
    public const string DataOperator = "operator-data";

    public static readonly IReadOnlyList<string> All =
        [Administrator, AgencyAdministrator, Leader, RegistryClerk, HelpdeskTechnician, HelpdeskLead, DataCustodian, DataOperator];
}

/// <summary>Authorization policy names shared by the hosts and the modules.</summary>
public static class Policies
{
    /// <summary>Any signed-in civil servant.</summary>
    public const string Employee = "employee";

    public const string Administrator = "administrator";

    /// <summary>Administrator or an OPD's admin (scoped to that OPD by the handlers).</summary>
    public const string OrganizationManagement = "organization-management";
}

/// <summary>Claim types carried by tokens and by the portal's user.</summary>
public static class SuperappsClaimTypes
{
    public const string Nip = "nip";
    public const string EmployeeId = "employee_id";
    public const string AgencyId = "opd_id";
    public const string AgencyName = "opd_name";

    /// <summary>A JSON object per held position: id, title, agency, kind (definitive, Plt, Plh), until.</summary>
    public const string Position = "position";
    public const string Role = "role";
    public const string SessionId = "sid";
}
