using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Polku.Web.Setup;

/// <summary>Why a streamed upload was refused before its files were read.</summary>
public enum UploadProblem
{
    /// <summary>Not a multipart form, or the form's token did not come first (a browser sends the form in page order).</summary>
    NotAForm,

    /// <summary>The antiforgery token is missing or does not match the cookie.</summary>
    BadToken,

    /// <summary>More bytes than the page allows; reading stopped at the limit.</summary>
    TooLarge,
}

/// <summary>Thrown from a file's stream when the upload passes its limit; <see cref="StreamedUpload"/> turns it into <see cref="UploadProblem.TooLarge"/>.</summary>
public sealed class UploadTooLargeException(string field) : Exception($"The upload passed its limit in field {field}.")
{
    public string Field { get; } = field;
}

/// <summary>
/// Reads a multipart form as it arrives (<see cref="MultipartReader"/>), never buffering a file in memory or on disk:
/// each file section is handed to the page as a stream that stops with <see cref="UploadTooLargeException"/> once the
/// form passes the page's limit, so the page answers with its own message instead of a bare 400. The form's
/// antiforgery token must be the first field (the forms that use this render it first) and is checked before any file
/// is read. Pages using this carry <see cref="StreamedFormAttribute"/>, so MVC neither reads the form for model
/// binding nor validates the token from a buffered form.
/// </summary>
public static class StreamedUpload
{
    public const string TokenField = "__RequestVerificationToken";
    private const int SmallFieldLimit = 16 * 1024;

    /// <summary>
    /// Reads the form, calling <paramref name="onFile"/> for each file field in order (field name, file name, body).
    /// Returns null when every section was read, or the problem that stopped it.
    /// </summary>
    public static async Task<(UploadProblem? Problem, string? Field)> ReadAsync(HttpContext context, long limitBytes,
        Func<string, string, Stream, Task> onFile, CancellationToken ct)
    {
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return (UploadProblem.NotAForm, null);
        }

        var reader = new MultipartReader(boundary, request.Body);
        var first = await reader.ReadNextSectionAsync(ct);
        if (first is null || Disposition(first) is not { } tokenPart || !tokenPart.IsFormDisposition()
            || HeaderUtilities.RemoveQuotes(tokenPart.Name).Value != TokenField)
        {
            return (UploadProblem.NotAForm, null);
        }

        using (var tokenReader = new StreamReader(new LimitedStream(first.Body, SmallFieldLimit, TokenField)))
        {
            try
            {
                // The token store reads a header before it would read (and so buffer) the form.
                var header = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName ?? "RequestVerificationToken";
                request.Headers[header] = await tokenReader.ReadToEndAsync(ct);
            }
            catch (UploadTooLargeException)
            {
                return (UploadProblem.BadToken, null);
            }
        }

        if (!await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            return (UploadProblem.BadToken, null);
        }

        var counter = new ByteBudget(limitBytes);
        try
        {
            for (var section = await reader.ReadNextSectionAsync(ct); section is not null; section = await reader.ReadNextSectionAsync(ct))
            {
                if (Disposition(section) is not { } part)
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(part.Name).Value ?? "";
                var body = new LimitedStream(section.Body, counter, name);
                if (part.IsFileDisposition())
                {
                    await onFile(name, HeaderUtilities.RemoveQuotes(part.FileName).Value ?? "", body);
                }

                // Whatever the page did not read (or a plain field) still counts against the limit.
                await body.CopyToAsync(Stream.Null, ct);
            }
        }
        catch (UploadTooLargeException tooLarge)
        {
            return (UploadProblem.TooLarge, tooLarge.Field);
        }

        return (null, null);
    }

    private static ContentDispositionHeaderValue? Disposition(MultipartSection section) =>
        ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var value) ? value : null;

    /// <summary>The bytes left for the whole form, shared by its sections.</summary>
    private sealed class ByteBudget(long limit)
    {
        public long Left { get; set; } = limit;
    }

    /// <summary>A section's body that throws <see cref="UploadTooLargeException"/> when the form passes its limit.</summary>
    private sealed class LimitedStream : Stream
    {
        private readonly Stream _inner;
        private readonly ByteBudget _budget;
        private readonly string _field;

        public LimitedStream(Stream inner, long limit, string field) : this(inner, new ByteBudget(limit), field)
        {
        }

        public LimitedStream(Stream inner, ByteBudget budget, string field)
        {
            _inner = inner;
            _budget = budget;
            _field = field;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await _inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _budget.Left -= read;
            return _budget.Left < 0 ? throw new UploadTooLargeException(_field) : read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>
/// For a page whose POST is read by <see cref="StreamedUpload"/>: MVC must not read the form for model binding (that
/// would buffer the files). Such a page also carries <c>[IgnoreAntiforgeryToken]</c> and validates the token itself
/// (<see cref="StreamedUpload"/> for the upload, <c>IAntiforgery.ValidateRequestAsync</c> for its other handlers), and
/// a <c>[RequestSizeLimit]</c> well above its own limit, so that its own limit answers with its own message.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StreamedFormAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var factories = context.ValueProviderFactories;
        factories.RemoveType<FormValueProviderFactory>();
        factories.RemoveType<FormFileValueProviderFactory>();
        factories.RemoveType<JQueryFormValueProviderFactory>();
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
