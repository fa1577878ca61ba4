using System.ComponentModel.DataAnnotations;

namespace Superapps.Datasets.Features.Review;

/// <summary>
/// Who is told that an upload waits for review (section <c>Superapps:Datasets:Review</c>). Roles live only in the identity server,
/// so the walidata are found in the organisation chart: the holders (Plt and Plh included) of the active positions of the
/// walidata's OPD whose title contains <see cref="CustodianPositionMarker"/>, as the identity server gives those positions the
/// <c>walidata</c> role.
/// </summary>
public sealed class DatasetReviewOptions
{
    public const string Section = "Superapps:Datasets:Review";

    /// <summary>The code of the walidata's OPD (Organization module), e.g. <c>DISKOMINFO</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string CustodianAgencyCode { get; set; } = "DISKOMINFO";

    /// <summary>Positions of that OPD whose title contains this text are the walidata's (the demo: "Statistisi Ahli Muda (Walidata)").</summary>
    [Required(AllowEmptyStrings = false)]
    public string CustodianPositionMarker { get; set; } = "(Walidata)";
}
