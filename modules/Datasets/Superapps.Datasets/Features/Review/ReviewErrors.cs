using Superapps.SharedKernel;

namespace Superapps.Datasets.Features.Review;

/// <summary>The bilingual refusals of the review and of the version page (the domain's own are in <see cref="Domain.DatasetErrors"/>).</summary>
public static class ReviewErrors
{
    public static readonly UserError NotCustodian = new("datasets.review.custodian",
        "Hanya walidata yang dapat memeriksa unggahan data.", "Only the walidata can review data uploads.");

    public static readonly UserError VersionNotFound = new("datasets.version.not-found",
        "Versi data tidak ditemukan, atau Anda tidak berhak melihatnya.", "The data version was not found, or you may not see it.");
}
