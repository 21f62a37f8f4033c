package pdftext

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"hash"
)

// decrypter opens files "protected" by the standard security handler
// with an empty user password — the usual case of a published report
// whose author forbade copying or printing: anyone may open it, so its
// text may be read. A file that needs a password to open is refused.
type decrypter struct {
	key []byte
	aes bool // AESV2/AESV3 rather than RC4
	v5  bool // AES-256: the file key is every object's key
}

// padding is the password padding string of the standard handler (7.6.3.3).
var padding = []byte{
	0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
}

func newDecrypter(f *file, o object) (*decrypter, error) {
	enc, _ := o.(dict)
	if enc == nil || enc["Filter"] != name("Standard") {
		return nil, errEncrypted
	}
	v, _ := enc["V"].(int64)
	r, _ := enc["R"].(int64)
	str := func(k name) []byte { b, _ := f.resolve(enc[k]).([]byte); return b }
	O, U := str("O"), str("U")
	d := &decrypter{}
	if cf := f.dictOf(enc["CF"]); v >= 4 && cf != nil {
		stmf, _ := enc["StmF"].(name)
		if stmf == "Identity" {
			return nil, nil // streams are not encrypted
		}
		cfm, _ := f.dictOf(cf[stmf])["CFM"].(name)
		if cfm == "None" {
			return nil, nil
		}
		d.aes = cfm == "AESV2" || cfm == "AESV3"
	}
	if r >= 5 {
		return d, d.openV5(r, U, str("UE"))
	}
	if len(O) < 32 || len(U) < 16 {
		return nil, errEncrypted
	}
	n := 5
	if l, ok := enc["Length"].(int64); ok && r >= 3 && l >= 40 && l <= 128 && l%8 == 0 {
		n = int(l / 8)
	} else if d.aes {
		n = 16 // AESV2's key is 128 bits; /Length is optional in version 4
	}
	var id0 []byte
	if ids := f.arrayOf(f.trailer["ID"]); len(ids) > 0 {
		id0, _ = f.resolve(ids[0]).([]byte)
	}
	p, _ := enc["P"].(int64)
	h := md5.New()
	h.Write(padding)
	h.Write(O[:32])
	binary.Write(h, binary.LittleEndian, uint32(int32(p)))
	h.Write(id0)
	if em, ok := enc["EncryptMetadata"].(bool); ok && !em && r >= 4 {
		h.Write([]byte{0xff, 0xff, 0xff, 0xff})
	}
	key := h.Sum(nil)
	if r >= 3 {
		for range 50 {
			s := md5.Sum(key[:n])
			key = s[:]
		}
	}
	d.key = key[:n]
	// Check the empty password against U (algorithms 4 and 5).
	if r == 2 {
		if !bytes.Equal(rc4Crypt(d.key, padding), U[:32]) {
			return nil, errPassword
		}
		return d, nil
	}
	x := md5.Sum(append(append([]byte{}, padding...), id0...))
	check := rc4Crypt(d.key, x[:])
	for i := 1; i <= 19; i++ {
		k := make([]byte, len(d.key))
		for j := range k {
			k[j] = d.key[j] ^ byte(i)
		}
		check = rc4Crypt(k, check)
	}
	if !bytes.Equal(check, U[:16]) {
		return nil, errPassword
	}
	return d, nil
}

// openV5 derives the AES-256 file key from the empty user password
// (revision 5, and revision 6 with the hash of algorithm 2.B).
func (d *decrypter) openV5(r int64, U, UE []byte) error {
	if len(U) < 48 || len(UE) < 32 {
		return errEncrypted
	}
	d.aes, d.v5 = true, true
	if !bytes.Equal(hash2B(r, U[32:40]), U[:32]) {
		return errPassword
	}
	block, err := aes.NewCipher(hash2B(r, U[40:48]))
	if err != nil {
		return errEncrypted
	}
	d.key = make([]byte, 32)
	cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(d.key, UE[:32])
	return nil
}

// hash2B is the hash of an empty user password with salt.
func hash2B(r int64, salt []byte) []byte {
	k := sha256.Sum256(salt)
	if r == 5 {
		return k[:]
	}
	K := k[:]
	for i := 0; ; i++ {
		k1 := bytes.Repeat(K, 64) // password and user data are empty
		block, _ := aes.NewCipher(K[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, K[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, b := range e[:16] {
			sum += int(b)
		}
		var h hash.Hash
		switch sum % 3 {
		case 0:
			h = sha256.New()
		case 1:
			h = sha512.New384()
		default:
			h = sha512.New()
		}
		h.Write(e)
		K = h.Sum(nil)
		if i >= 63 && int(e[len(e)-1]) <= i+1-32 {
			break
		}
	}
	return K[:32]
}

func rc4Crypt(key, data []byte) []byte {
	c, err := rc4.NewCipher(key)
	if err != nil {
		return nil
	}
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out
}

// decrypt returns the plain bytes of object r's stream data.
func (d *decrypter) decrypt(r ref, data []byte) []byte {
	key := d.key
	if !d.v5 {
		h := md5.New()
		h.Write(d.key)
		h.Write([]byte{byte(r.num), byte(r.num >> 8), byte(r.num >> 16), byte(r.gen), byte(r.gen >> 8)})
		if d.aes {
			h.Write([]byte("sAlT"))
		}
		key = h.Sum(nil)[:min(len(d.key)+5, 16)]
	}
	if !d.aes {
		return rc4Crypt(key, data)
	}
	data = data[:len(data)/16*16] // an end-of-line byte kept by mistake
	if len(data) < 32 {
		return nil
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil
	}
	out := make([]byte, len(data)-16)
	cipher.NewCBCDecrypter(block, data[:16]).CryptBlocks(out, data[16:])
	if p := int(out[len(out)-1]); p >= 1 && p <= 16 {
		out = out[:len(out)-p]
	}
	return out
}
