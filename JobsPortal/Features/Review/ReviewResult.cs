namespace JobsPortal.Features.Review;

/// <summary>An expected refusal of a review: a stable code for programs and a sentence for people.</summary>
public sealed record ReviewError(string Code, string Message)
{
    public const string NotAllowed = "review.not_allowed";
    public const string NothingSelected = "review.nothing_selected";
    public const string InvalidState = "review.invalid_state";
    public const string CommentRequired = "review.comment_required";
    public const string CommentTooLong = "review.comment_too_long";
    public const string NotFound = "review.not_found";
    public const string OwnCancellation = "review.own_cancellation";
}

/// <summary>Either every selected cancellation was marked, or none was and <see cref="Error"/> says why.</summary>
public sealed record ReviewResult
{
    private ReviewResult(IReadOnlyList<string> jobNumbers, ReviewError? error)
    {
        JobNumbers = jobNumbers;
        Error = error;
    }

    /// <summary>The numbers of the jobs whose cancellations were marked; empty on a refusal.</summary>
    public IReadOnlyList<string> JobNumbers { get; }
    public ReviewError? Error { get; }
    public bool Succeeded => Error is null;

    public static ReviewResult Success(IReadOnlyList<string> jobNumbers) => new(jobNumbers, null);

    public static ReviewResult Failure(string code, string message) => new([], new ReviewError(code, message));
}
