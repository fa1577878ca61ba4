using Superapps.Organization.Contracts;

namespace Superapps.Letters.Domain.Drafting;

/// <summary>A position considered for the default review chain.</summary>
public sealed record ChainCandidate(Guid PositionId, string Title, PositionLevel Level, bool IsHeadOfAgency);

/// <summary>The defaults a new draft starts from: a body skeleton per kind, and the review chain by rule. The drafter can change both.</summary>
public static class DraftTemplates
{
    /// <summary>The body skeleton of a kind, as rich text the sanitiser allows.</summary>
    public static string BodyFor(LetterKind kind) => kind switch
    {
        LetterKind.NotaDinas =>
            "<p>Sehubungan dengan …, dengan ini kami sampaikan hal-hal sebagai berikut:</p><ol><li>…</li><li>…</li></ol>"
            + "<p>Demikian disampaikan, atas perhatian Bapak/Ibu diucapkan terima kasih.</p>",
        LetterKind.SuratUndangan =>
            "<p>Dengan hormat, kami mengundang Bapak/Ibu untuk menghadiri kegiatan yang akan dilaksanakan pada:</p>"
            + "<table><tr><td>hari/tanggal</td><td>: …</td></tr><tr><td>waktu</td><td>: …</td></tr><tr><td>tempat</td><td>: …</td></tr>"
            + "<tr><td>acara</td><td>: …</td></tr></table>"
            + "<p>Mengingat pentingnya acara tersebut, dimohon kehadiran Bapak/Ibu tepat pada waktunya. Atas perhatian Bapak/Ibu diucapkan terima kasih.</p>",
        LetterKind.SuratEdaran =>
            "<ol><li>Latar Belakang: …</li><li>Maksud dan Tujuan: …</li><li>Ruang Lingkup: …</li><li>Dasar: …</li><li>Isi Edaran: …</li></ol>"
            + "<p>Demikian Surat Edaran ini disampaikan untuk dilaksanakan sebagaimana mestinya.</p>",
        LetterKind.SuratTugas =>
            "<table><tr><td>Dasar</td><td>: …</td></tr></table><p style=\"text-align:center\"><strong>MENUGASKAN:</strong></p>"
            + "<table><tr><td>Kepada</td><td>: 1. Nama: …<br>NIP: …<br>Jabatan: …</td></tr><tr><td>Untuk</td><td>: …</td></tr></table>"
            + "<p>Demikian surat tugas ini dibuat untuk dilaksanakan dengan penuh tanggung jawab.</p>",
        _ => "<p>Dengan hormat,</p><p>…</p><p>Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.</p>",
    };

    /// <summary>
    /// The default review chain. The signer is the Kepala OPD for surat dinas, undangan, edaran and tugas, and for a nota dinas
    /// that leaves the OPD (or has no addressee yet). A nota dinas within the OPD is signed by the drafter's Kabid (the nearest
    /// superior at Kabid level; the drafter themselves when they are a Kabid), or the Kepala OPD when there is none. The reviewers
    /// are the drafter's superiors below the signer, nearest first. A Kepala OPD drafting signs without reviewers.
    /// </summary>
    /// <param name="superiors">The drafter's superiors in their OPD, in any order.</param>
    /// <param name="leavesAgency">A nota dinas has an addressee outside the drafting OPD, or none yet.</param>
    public static (IReadOnlyList<ChainPosition> Reviewers, ChainPosition? Signer) DefaultChain(LetterKind kind, ChainCandidate drafter,
        IReadOnlyList<ChainCandidate> superiors, bool leavesAgency)
    {
        ArgumentNullException.ThrowIfNull(drafter);
        var nearestFirst = superiors.Where(s => s.PositionId != drafter.PositionId).OrderByDescending(s => (int)s.Level).ToList();
        var head = drafter.IsHeadOfAgency ? drafter : nearestFirst.FirstOrDefault(s => s.IsHeadOfAgency) ?? nearestFirst.LastOrDefault();
        var signer = head;
        if (kind == LetterKind.NotaDinas && !leavesAgency)
        {
            signer = drafter.Level == PositionLevel.Kabid ? drafter : nearestFirst.FirstOrDefault(s => s.Level == PositionLevel.Kabid) ?? head;
        }

        if (signer is null)
        {
            return ([], null);
        }

        var reviewers = signer.PositionId == drafter.PositionId
            ? []
            : nearestFirst.Where(s => s.Level > signer.Level).Select(s => new ChainPosition(s.PositionId, s.Title)).ToList();
        return (reviewers, new ChainPosition(signer.PositionId, signer.Title));
    }
}
