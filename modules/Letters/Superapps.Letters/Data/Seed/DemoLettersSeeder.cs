using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Superapps.Letters.Contracts;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Desk;
using Superapps.Letters.Features.Registration;
using Superapps.Modularity;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Letters.Data.Seed;

/// <summary>
/// Demo data: a few letters in the demo city's Diskominfo agenda, registered and disposed through the same desk the
/// pages use, so the demo logins (kepala-opd, kabid, staf, pencatat-surat) find an inbox with something in every state:
/// unread, disposed down two levels, restricted, and closed in the archive. Runs once, on an empty agenda, when <see cref="LettersOptions.SeedDemoLetters"/> is on.
/// </summary>
internal sealed class DemoLettersSeeder : IDatabaseInitializer
{
    // The demo people of docs/demo-logins.md, by NIP, and the title of each OPD's registry clerk in the demo city.
    private const string ClerkTitle = "Pengadministrasi Persuratan (Pencatat Surat)";
    private const string KepalaNip = "196710182002022001";
    private const string KabidNip = "197812032023021001";
    private const string StafNip = "199401112020041001";

    public int Order => 240;

    public string Name => "demo:letters";

    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<IOptions<LettersOptions>>().Value.SeedDemoLetters)
        {
            return;
        }

        var db = services.GetRequiredService<LettersDbContext>();
        var directory = services.GetRequiredService<IOrganizationDirectory>();
        if (await db.Letters.AnyAsync(cancellationToken)
            || await directory.FindByNipAsync(KepalaNip, cancellationToken) is not { PrimaryPosition: { } kepalaPosition } kepala
            || await directory.FindByNipAsync(KabidNip, cancellationToken) is not { PrimaryPosition: { } kabidPosition } kabid
            || await directory.FindByNipAsync(StafNip, cancellationToken) is not { PrimaryPosition: { } stafPosition })
        {
            return;
        }

        var clerkPosition = (await directory.ListAgencyPositionsAsync(kepala.AgencyId, cancellationToken))
            .FirstOrDefault(p => p.Title == ClerkTitle && p.Holders.Count > 0);
        if (clerkPosition is null)
        {
            return;
        }

        var clerk = clerkPosition.Holders[0];
        var registration = services.GetRequiredService<LetterRegistration>();
        var desk = services.GetRequiredService<LetterDesk>();
        var viewers = services.GetRequiredService<Viewers>();
        var clock = services.GetRequiredService<TimeProvider>();
        var today = DateOnly.FromDateTime(Wib.ToWib(clock.GetUtcNow()).DateTime);
        var asClerk = new Clerk(clerk.EmployeeId, clerk.Name, kepala.AgencyId);
        var kepalaViewer = (await viewers.ForAsync(kepala.EmployeeId, keepsAgenda: false, cancellationToken))!;
        var kabidViewer = (await viewers.ForAsync(kabid.EmployeeId, keepsAgenda: false, cancellationToken))!;

        async Task<Guid> RegisterAsync(int n, string sender, string number, int daysAgo, string subject, SecurityClass securityClass, Urgency urgency, string code) =>
            (await registration.RegisterAsync(asClerk, new RegisterIncomingLetter(DemoId(n), sender, number, today.AddDays(-daysAgo), subject, securityClass, urgency, code,
                kepalaPosition.PositionId, LetterUpload.FromBytes($"surat-{n}.pdf", DemoPdf.Letter(sender, number, subject)), []), cancellationToken)).Id;

        Task<IReadOnlyList<Guid>> DisposeAsync(int n, Viewer from, Guid letterId, Guid? parent, Guid fromPosition, Guid to, string[] instructions, string note, Urgency urgency) =>
            desk.DisposeAsync(from, new DisposeInput(DemoId(100 + n), letterId, parent, fromPosition, [to], instructions, note,
                Disposition.DefaultDeadline(urgency, clock.GetUtcNow()) ?? clock.GetUtcNow().AddDays(7), null), cancellationToken);

        // Disposed down two levels: the Kepala to the Kabid, the Kabid to a staff member.
        var invitation = await RegisterAsync(1, "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "B/1234/SM.01.00/2026", 3,
            "Undangan Rapat Koordinasi Evaluasi SPBE Tahun 2026", SecurityClass.Biasa, Urgency.Segera, "000.1.5");
        await desk.OpenAsync(kepalaViewer, invitation, cancellationToken);
        var toKabid = (await DisposeAsync(1, kepalaViewer, invitation, null, kepalaPosition.PositionId, kabidPosition.PositionId,
            ["Hadiri/Wakili", "Siapkan bahan"], "Siapkan paparan capaian indeks SPBE kota.", Urgency.Segera)).Single();
        await desk.OpenAsync(kabidViewer, invitation, cancellationToken);
        await DisposeAsync(2, kabidViewer, invitation, toKabid, kabidPosition.PositionId, stafPosition.PositionId,
            ["Siapkan bahan"], "Rangkum capaian domain layanan dan aplikasi.", Urgency.Segera);

        // Waiting for the Kepala: one ordinary, one restricted and most urgent.
        await RegisterAsync(2, "Dinas Pekerjaan Umum dan Penataan Ruang", "600.1/412/PUPR/2026", 1,
            "Permohonan Data Titik Jaringan Fiber Optik untuk Penataan Utilitas Kota", SecurityClass.Biasa, Urgency.Biasa, "000.1.1");
        await RegisterAsync(3, "Badan Siber dan Sandi Negara", "B-771/BSSN/D3/2026", 0,
            "Pemberitahuan Kerentanan pada Aplikasi Layanan Publik", SecurityClass.Rahasia, Urgency.SangatSegera, "000.1.1");

        // Closed and in the archive: disposed, reported, accepted.
        var closed = await RegisterAsync(4, "Dinas Pendidikan", "400.3/905/DISDIK/2026", 10,
            "Permintaan Narasumber Literasi Digital bagi Guru", SecurityClass.Biasa, Urgency.Biasa, "400.14.4");
        await desk.OpenAsync(kepalaViewer, closed, cancellationToken);
        var done = (await DisposeAsync(3, kepalaViewer, closed, null, kepalaPosition.PositionId, kabidPosition.PositionId,
            ["Tindak lanjuti"], "Tugaskan pranata komputer sebagai narasumber.", Urgency.Biasa)).Single();
        await desk.OpenAsync(kabidViewer, closed, cancellationToken);
        await desk.CompleteAsync(kabidViewer, done, "Narasumber sudah ditugaskan dan materi dikirim ke Dinas Pendidikan.", [], cancellationToken);
        await desk.AcceptAsync(kepalaViewer, done, cancellationToken);
    }

    private static Guid DemoId(int n) => new($"5e7a0000-0000-4000-8000-{n:D12}");

    /// <summary>A one-page PDF with the letter's heading, so the demo's scans open in every viewer.</summary>
    private static class DemoPdf
    {
        public static byte[] Letter(string sender, string number, string subject)
        {
            var lines = new[] { sender, $"Nomor: {number}", $"Perihal: {subject}", string.Empty, "Contoh surat untuk demo Superapps." };
            var text = new StringBuilder("BT /F1 12 Tf 72 760 Td 16 TL\n");
            foreach (var line in lines)
            {
                text.Append('(').Append(Escape(line)).Append(") Tj T*\n");
            }

            text.Append("ET");
            var content = text.ToString();
            string[] objects =
            [
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                $"<< /Length {Encoding.Latin1.GetByteCount(content)} >>\nstream\n{content}\nendstream",
            ];
            var pdf = new StringBuilder("%PDF-1.4\n");
            var offsets = new List<int>();
            for (var i = 0; i < objects.Length; i++)
            {
                offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
                pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
            }

            var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
            pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
            foreach (var offset in offsets)
            {
                pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
            }

            pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
            return Encoding.Latin1.GetBytes(pdf.ToString());
        }

        private static string Escape(string text) =>
            text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);
    }
}
