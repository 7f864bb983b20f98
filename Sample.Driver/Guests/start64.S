/* Entry of the 64-bit long-mode guest: the VMM set identity-mapped paging, RSP at the top of RAM, RDI an argument. */
	.section .text.start, "ax"
	.code64
	.globl _start
_start:
	call main
1:	hlt
	jmp 1b
	.section .note.GNU-stack, "", @progbits
