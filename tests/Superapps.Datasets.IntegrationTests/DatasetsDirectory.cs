using Superapps.Organization.Contracts;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>
/// A small organisation for the Datasets module's tests: Diskominfo with its walidata, and the producing OPDs of the demo data list with
/// a data operator each.
/// </summary>
public sealed class DatasetsDirectory() : TestOrganizationDirectory(Agencies, Employees)
{
    public static readonly AgencyProfile Diskominfo = Agency("DISKOMINFO", "Dinas Komunikasi dan Informatika", address: Address);
    public static readonly AgencyProfile Disdik = Agency("DISDIK", "Dinas Pendidikan", address: Address);
    public static readonly AgencyProfile Dinkes = Agency("DINKES", "Dinas Kesehatan", address: Address);
    public static readonly AgencyProfile Disdukcapil = Agency("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", address: Address);
    public static readonly AgencyProfile Dishub = Agency("DISHUB", "Dinas Perhubungan", address: Address);
    public static readonly AgencyProfile Dinsos = Agency("DINSOS", "Dinas Sosial", address: Address);
    public static readonly AgencyProfile Telanaipura = Agency("KEC-TELANAIPURA", "Kecamatan Telanaipura", AgencyKind.Kecamatan, Address);
    public static readonly AgencyProfile KotaBaru = Agency("KEC-KOTABARU", "Kecamatan Kota Baru", AgencyKind.Kecamatan, Address);

    public static readonly EmployeeProfile Walidata = Employee("Wulan Sari", Diskominfo, "Statistisi Ahli Muda (Walidata)");
    public static readonly EmployeeProfile DisdikOperator = Employee("Dedi Operator", Disdik, "Pengelola Data (Operator Data)");
    public static readonly EmployeeProfile DinkesOperator = Employee("Nia Operator", Dinkes, "Pengelola Data (Operator Data)");

    private const string Address = "Jalan Contoh 1, Kota Demo";

    private static readonly IReadOnlyList<AgencyProfile> Agencies = [Diskominfo, Disdik, Dinkes, Disdukcapil, Dishub, Dinsos, Telanaipura, KotaBaru];
    private static readonly IReadOnlyList<EmployeeProfile> Employees = [Walidata, DisdikOperator, DinkesOperator];

    private static EmployeeProfile Employee(string name, AgencyProfile agency, string position) =>
        new(Guid.CreateVersion7(), null, name, null, agency.AgencyId, agency.Name, true,
            [new HeldPosition(Guid.CreateVersion7(), position, PositionLevel.Staf, agency.AgencyId, agency.Name, HoldingKind.Definitive, null)]);
}
