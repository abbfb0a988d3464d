package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
)

// logoURL names the icon that the .NET SDK's package carries. No such host exists: offlineLogo
// answers it, so that generating SDKs makes no network request at all.
const logoURL = "http://sdk-gen.invalid/logo.png"

// offlineLogo is the HTTP client's transport while sdk-gen runs: it answers logoURL with a
// plain 64x64 PNG drawn here and refuses every other request.
type offlineLogo struct{}

func (offlineLogo) RoundTrip(request *http.Request) (*http.Response, error) {
	if request.Method != http.MethodGet || request.URL.String() != logoURL {
		return nil, fmt.Errorf("sdk-gen makes no network requests (asked for %s %s)", request.Method, request.URL)
	}
	body, err := logoPNG()
	if err != nil {
		return nil, err
	}
	return &http.Response{
		StatusCode: http.StatusOK,
		Status:     "200 OK",
		Header:     http.Header{"Content-Type": {"image/png"}},
		Body:       io.NopCloser(bytes.NewReader(body)),
		Request:    request,
	}, nil
}

// logoPNG draws a teal square with a lighter border.
func logoPNG() ([]byte, error) {
	const size = 64
	picture := image.NewRGBA(image.Rect(0, 0, size, size))
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			fill := color.RGBA{R: 0x1f, G: 0x7a, B: 0x80, A: 0xff}
			if x < 4 || y < 4 || x >= size-4 || y >= size-4 {
				fill = color.RGBA{R: 0x8f, G: 0xd3, B: 0xd6, A: 0xff}
			}
			picture.Set(x, y, fill)
		}
	}
	var buffer bytes.Buffer
	if err := png.Encode(&buffer, picture); err != nil {
		return nil, err
	}
	return buffer.Bytes(), nil
}
