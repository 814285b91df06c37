using System.Net;
using System.Text.Json;
using JobsPortal.Features.Api;
using JobsPortal.Features.Cancellation;
using JobsPortal.Tests.Features.Api;
using JobsPortal.Tests.TestInfrastructure;

namespace JobsPortal.Tests.Security;

/// <summary>
/// Hostile bodies for the cancel method, each aimed at a pending job with a valid token: malformed and
/// oversized JSON, wrong shapes, injection strings and odd Unicode in every string parameter. Each
/// answers its own code with the envelope, never a 500, and cancels nothing.
/// </summary>
public sealed class HostileApiBodyTests(HostileAppFactory factory) : IClassFixture<HostileAppFactory>
{
    private const string Cancel = "jobs/all_scopes/cancel";

    // "{job}" is the pending job's number.
    public static TheoryData<string, string, HttpStatusCode> Bodies => new()
    {
        // Malformed and oversized.
        { "null", ApiErrorCodes.InvalidJson, HttpStatusCode.BadRequest },
        { "[]", ApiErrorCodes.InvalidJson, HttpStatusCode.BadRequest },
        { "\"job\"", ApiErrorCodes.InvalidJson, HttpStatusCode.BadRequest },
        { "{", ApiErrorCodes.InvalidJson, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{job}"}} {}""", ApiErrorCodes.InvalidJson, HttpStatusCode.BadRequest },
        { """{'job_identifier':{'number':'{job}'}}""", ApiErrorCodes.InvalidJson, HttpStatusCode.BadRequest },
        { new string('[', 5000) + new string(']', 5000), ApiErrorCodes.InvalidJson, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{job}"},"note":"{big}"}""", ApiErrorCodes.InvalidJson, HttpStatusCode.BadRequest },
        // Wrong shapes, duplicates and unknown parameters.
        { """{}""", ApiErrorCodes.MissingParameter, HttpStatusCode.BadRequest },
        { """{"job_identifier":null}""", ApiErrorCodes.MissingParameter, HttpStatusCode.BadRequest },
        { """{"job_identifier":"{job}"}""", ApiErrorCodes.WrongType, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{job}"},"cancel_provided_items":"yes"}""", ApiErrorCodes.WrongType, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{job}"},"cancel_provided_items":1}""", ApiErrorCodes.WrongType, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{job}"},"note":["a"]}""", ApiErrorCodes.WrongType, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{job}"},"job_identifier":{"number":"{job}"}}""", ApiErrorCodes.DuplicateParameter, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{job}"},"Job_Identifier":{"number":"{job}"}}""", ApiErrorCodes.UnknownParameter, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{job}"},"__proto__":{"admin":true}}""", ApiErrorCodes.UnknownParameter, HttpStatusCode.BadRequest },
        { """{"job_identifier":{}}""", CancelErrorCodes.IdentifierEmpty, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{job}","id":"1"}}""", CancelErrorCodes.IdentifierAmbiguous, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number' OR 1=1 --":"{job}"}}""", CancelErrorCodes.IdentifierUnknownKey, HttpStatusCode.BadRequest },
        // Injection strings and odd Unicode in the identifiers.
        { """{"job_identifier":{"number":"' OR 1=1 --"}}""", CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound },
        { """{"job_identifier":{"number":"{job}' OR '1'='1"}}""", CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound },
        { """{"job_identifier":{"id":"1 OR 1=1"}}""", CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound },
        { """{"job_identifier":{"id":"99999999999999999999"}}""", CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound },
        { """{"job_identifier":{"number":"{job}\u0000"}}""", CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound },
        { """{"job_identifier":{"number":"\u202e{job}"}}""", CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound },
        { """{"job_identifier":{"number":"{job}\u200b"}}""", CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound },
        { """{"job_identifier":{"number":"\ud83d\ude00"}}""", CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound },
        { """{"job_identifier":{"number":"{job}"},"status_identifier":{"name":"' OR 1=1 --"}}""", CancelErrorCodes.StatusNotFound, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{job}"},"status_identifier":{"alternative_code":"\u0000"}}""", CancelErrorCodes.StatusNotFound, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{job}"},"cancellation_reason_identifier":{"name":"\u202eteerga"}}""", CancelErrorCodes.ReasonNotFound, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{job}"},"cancellation_reason_identifier":{"id":"-1"}}""", CancelErrorCodes.ReasonNotFound, HttpStatusCode.BadRequest },
        // fields_set oddities: checked before anything is cancelled.
        { """{"job_identifier":{"number":"{job}"},"fields_set":",,,"}""", ApiErrorCodes.InvalidValue, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{job}"},"fields_set":" , "}""", ApiErrorCodes.InvalidValue, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{job}"},"fields_set":"number,'; DROP TABLE Jobs; --"}""", ApiErrorCodes.UnknownField, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{job}"},"fields_set":"number\u0000"}""", ApiErrorCodes.UnknownField, HttpStatusCode.BadRequest },
        // Notes past the limit, counted as a person counts characters.
        { """{"job_identifier":{"number":"{job}"},"note":"{501}"}""", CancelErrorCodes.NoteTooLong, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{job}"},"note":"{501emoji}"}""", CancelErrorCodes.NoteTooLong, HttpStatusCode.BadRequest },
        { """{"job_identifier":{"number":"{job}"},"note":"{zalgo}"}""", CancelErrorCodes.NoteTooLong, HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_hostile_cancel_body_gets_its_code_and_cancels_nothing(string body, string code, HttpStatusCode status)
    {
        var job = await factory.PendingJobAsync();
        var token = await factory.TokenAsync(DemoPeople.Agent);
        var before = await factory.SnapshotAsync();

        var response = await factory.Api().PostRawAsync(Cancel, Expand(body, job.Number), token);

        ApiAssert.Error(response, code, status);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_at_all_is_invalid_json()
    {
        var token = await factory.TokenAsync(DemoPeople.Agent);
        var before = await factory.SnapshotAsync();

        var response = await factory.Api().PostRawAsync(Cancel, "job_identifier=number%3DJ00000001", token, "application/x-www-form-urlencoded");

        ApiAssert.Error(response, ApiErrorCodes.InvalidJson, HttpStatusCode.BadRequest);
        Assert.Equal(before, await factory.SnapshotAsync());
    }

    /// <summary>The body with its placeholders filled; strings are JSON-escaped where they are long.</summary>
    internal static string Expand(string body, string jobNumber) => body
        .Replace("{job}", jobNumber, StringComparison.Ordinal)
        .Replace("{big}", new string('x', ApiBody.MaxBytes), StringComparison.Ordinal)
        .Replace("{501}", new string('x', CancelJobCommand.NoteMaxLength + 1), StringComparison.Ordinal)
        .Replace("{501emoji}", Escaped(string.Concat(Enumerable.Repeat("😀", CancelJobCommand.NoteMaxLength + 1))), StringComparison.Ordinal)
        .Replace("{zalgo}", Escaped("Z" + new string('\u0301', 6000)), StringComparison.Ordinal);

    private static string Escaped(string text) => JsonSerializer.Serialize(text)[1..^1];
}
