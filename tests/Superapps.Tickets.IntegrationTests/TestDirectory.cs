using Superapps.Organization.Contracts;
using Superapps.Testing;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>
/// A small organisation for the Tickets module's tests: Diskominfo, a kecamatan with a kelurahan, and an employee in each (with
/// e-mail addresses).
/// </summary>
public sealed class TestDirectory() : TestOrganizationDirectory(Agencies, Employees)
{
    public static readonly AgencyProfile Diskominfo = Agency("DISKOMINFO", "Dinas Komunikasi dan Informatika", address: Address);
    public static readonly AgencyProfile Telanaipura = Agency("KEC-TELANAIPURA", "Kecamatan Telanaipura", AgencyKind.Kecamatan, Address);
    public static readonly AgencyProfile Beringin = Agency("KEL-BERINGIN", "Kelurahan Beringin", AgencyKind.Kelurahan, Address) with { ParentAgencyId = Telanaipura.AgencyId };
    public static readonly AgencyProfile Disdik = Agency("DISDIK", "Dinas Pendidikan", address: Address);

    public static readonly EmployeeProfile Rina = Employee("Rina Marlina", "rina@kelurahan-beringin.go.id", Beringin);
    public static readonly EmployeeProfile Andi = Employee("Andi Saputra", "andi@diskominfo.go.id", Diskominfo);
    public static readonly EmployeeProfile Sari = Employee("Sari Dewi", "sari@disdik.go.id", Disdik);

    private const string Address = "Jalan Contoh 1, Jambi";

    private static readonly IReadOnlyList<AgencyProfile> Agencies = [Diskominfo, Telanaipura, Beringin, Disdik];
    private static readonly IReadOnlyList<EmployeeProfile> Employees = [Rina, Andi, Sari];

    private static EmployeeProfile Employee(string name, string email, AgencyProfile agency) =>
        new(Guid.CreateVersion7(), null, name, email, agency.AgencyId, agency.Name, true, []);
}
